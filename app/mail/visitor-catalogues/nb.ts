import type { VisitorMailCatalogue } from '../visitor-catalogue'

// Norwegian Bokmål: du-form, «» quotes, "e-post" as Norwegian sites write it.
export const nb: VisitorMailCatalogue = {
  mail: {
    confirmationSubject: 'Takk: {form}',
    confirmationHeading: 'Takk, vi har mottatt opplysningene dine',
    confirmationBody: 'Du sendte inn «{form}». Vi tar kontakt med deg.',
    download: 'Last ned',
    downloadHint: 'Nedlastingslenken virker i 7 dager.',
    optInSubject: 'Bekreft abonnementet ditt',
    optInHeading: 'Bekreft abonnementet ditt',
    optInBody: 'Du meldte deg på via «{form}». Bekreft e-postadressen din for å begynne å få e-post fra oss. Var det ikke deg, kan du se bort fra denne e-posten; da sender vi ikke noe mer.',
    confirm: 'Bekreft adressen min',
    footer: 'Du får denne e-posten fordi adressen ble fylt inn i et skjema.',
    unsubscribe: 'Meld deg av',
  },
  pages: {
    confirmedTitle: 'Takk, adressen din er bekreftet',
    confirmedText: 'Abonnementet ditt er aktivt. Du kan lukke denne siden.',
    alreadyConfirmedTitle: 'Adressen din er allerede bekreftet',
    alreadyConfirmedText: 'Du trenger ikke gjøre noe mer: abonnementet ditt er aktivt. Du kan lukke denne siden.',
    goneTitle: 'Dette abonnementet finnes ikke lenger',
    goneText: 'Opplysningene bak denne lenken er slettet. Meld deg gjerne på igjen.',
    invalidConfirmTitle: 'Denne bekreftelseslenken er ikke gyldig',
    invalidConfirmText: 'Sjekk at du kopierte hele lenken fra e-posten.',
    expiredTitle: 'Denne bekreftelseslenken har utløpt',
    expiredText: 'Bekreftelseslenker virker i 30 dager. Meld deg på igjen for å få en ny.',
    unsubscribeTitle: 'Meld deg av',
    unsubscribeText: 'Stopp e-post fra denne avsenderen til denne adressen.',
    unsubscribeButton: 'Meld meg av',
    invalidUnsubscribeTitle: 'Denne avmeldingslenken er ikke gyldig',
    invalidUnsubscribeText: 'Sjekk at du kopierte hele lenken fra e-posten.',
    unsubscribedTitle: 'Du er meldt av',
    unsubscribedText: 'Denne adressen får ikke mer e-post fra skjemaene til denne avsenderen.',
  },
}
