import type { VisitorMailCatalogue } from '../visitor-catalogue'

// German: Sie-form, „“ quotes. The double opt-in mail says what German practice expects of it: that the address was
// entered, that nothing is sent before the click ("Bitte bestätigen Sie Ihre Anmeldung"), and what happens if not.
export const de: VisitorMailCatalogue = {
  mail: {
    confirmationSubject: 'Vielen Dank: {form}',
    confirmationHeading: 'Vielen Dank, wir haben Ihre Angaben erhalten',
    confirmationBody: 'Sie haben „{form}“ abgeschickt. Wir melden uns bei Ihnen.',
    download: 'Herunterladen',
    downloadHint: 'Der Download-Link ist 7 Tage lang gültig.',
    optInSubject: 'Bitte bestätigen Sie Ihre Anmeldung',
    optInHeading: 'Bitte bestätigen Sie Ihre Anmeldung',
    optInBody:
      'Sie haben sich über „{form}“ angemeldet. Bitte bestätigen Sie Ihre E-Mail-Adresse mit einem Klick auf den Button; erst dann senden wir Ihnen E-Mails. Falls Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail bitte – Sie erhalten dann keine weiteren Nachrichten.',
    confirm: 'Anmeldung bestätigen',
    footer: 'Sie erhalten diese E-Mail, weil diese Adresse in einem Formular angegeben wurde.',
    unsubscribe: 'Abmelden',
  },
  pages: {
    confirmedTitle: 'Vielen Dank, Ihre Anmeldung ist bestätigt',
    confirmedText: 'Ihr Abonnement ist aktiv. Sie können diese Seite jetzt schließen.',
    alreadyConfirmedTitle: 'Ihre Anmeldung ist bereits bestätigt',
    alreadyConfirmedText: 'Sie müssen nichts weiter tun: Ihr Abonnement ist aktiv. Sie können diese Seite schließen.',
    goneTitle: 'Dieses Abonnement besteht nicht mehr',
    goneText: 'Die Angaben zu diesem Link wurden gelöscht. Sie können sich gern erneut anmelden.',
    invalidConfirmTitle: 'Dieser Bestätigungslink ist ungültig',
    invalidConfirmText: 'Bitte prüfen Sie, ob Sie den vollständigen Link aus der E-Mail kopiert haben.',
    expiredTitle: 'Dieser Bestätigungslink ist abgelaufen',
    expiredText: 'Bestätigungslinks sind 30 Tage lang gültig. Bitte melden Sie sich erneut an, um einen neuen Link zu erhalten.',
    unsubscribeTitle: 'Abmelden',
    unsubscribeText: 'Diese Adresse erhält dann keine E-Mails mehr von diesem Absender.',
    unsubscribeButton: 'Jetzt abmelden',
    invalidUnsubscribeTitle: 'Dieser Abmeldelink ist ungültig',
    invalidUnsubscribeText: 'Bitte prüfen Sie, ob Sie den vollständigen Link aus der E-Mail kopiert haben.',
    unsubscribedTitle: 'Sie wurden abgemeldet',
    unsubscribedText: 'Diese Adresse erhält keine E-Mails mehr über die Formulare dieses Absenders.',
  },
}
