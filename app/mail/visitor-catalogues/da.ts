import type { VisitorMailCatalogue } from '../visitor-catalogue'

// Danish: du-form, "mail" as Danish sites write it.
export const da: VisitorMailCatalogue = {
  mail: {
    confirmationSubject: 'Tak: {form}',
    confirmationHeading: 'Tak, vi har modtaget dine oplysninger',
    confirmationBody: 'Du har indsendt “{form}”. Vi kontakter dig.',
    download: 'Download',
    downloadHint: 'Downloadlinket virker i 7 dage.',
    optInSubject: 'Bekræft dit abonnement',
    optInHeading: 'Bekræft dit abonnement',
    optInBody: 'Du tilmeldte dig via “{form}”. Bekræft din adresse for at begynde at modtage mails. Hvis det ikke var dig, kan du se bort fra denne mail; der sendes ikke mere.',
    confirm: 'Bekræft min adresse',
    footer: 'Du får denne mail, fordi adressen blev indtastet i en formular.',
    unsubscribe: 'Afmeld',
  },
  pages: {
    confirmedTitle: 'Tak, din adresse er bekræftet',
    confirmedText: 'Dit abonnement er aktivt. Du kan lukke denne side.',
    alreadyConfirmedTitle: 'Din adresse er allerede bekræftet',
    alreadyConfirmedText: 'Der er ikke mere at gøre: dit abonnement er aktivt. Du kan lukke denne side.',
    goneTitle: 'Dette abonnement findes ikke længere',
    goneText: 'Oplysningerne bag dette link er slettet. Tilmeld dig gerne igen.',
    invalidConfirmTitle: 'Dette bekræftelseslink er ikke gyldigt',
    invalidConfirmText: 'Tjek, at du har kopieret hele linket fra mailen.',
    expiredTitle: 'Dette bekræftelseslink er udløbet',
    expiredText: 'Bekræftelseslinks virker i 30 dage. Tilmeld dig igen for at få et nyt.',
    unsubscribeTitle: 'Afmeld',
    unsubscribeText: 'Stop mails fra denne afsender til denne adresse.',
    unsubscribeButton: 'Afmeld',
    invalidUnsubscribeTitle: 'Dette afmeldingslink er ikke gyldigt',
    invalidUnsubscribeText: 'Tjek, at du har kopieret hele linket fra mailen.',
    unsubscribedTitle: 'Du er afmeldt',
    unsubscribedText: 'Denne adresse får ikke flere mails fra denne afsenders formularer.',
  },
}
