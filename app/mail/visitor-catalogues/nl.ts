import type { VisitorMailCatalogue } from '../visitor-catalogue'

// Dutch: u-form, as Dutch B2B sites address visitors, ‘’ quotes.
export const nl: VisitorMailCatalogue = {
  mail: {
    confirmationSubject: 'Bedankt: {form}',
    confirmationHeading: 'Bedankt, we hebben uw gegevens ontvangen',
    confirmationBody: 'U heeft ‘{form}’ ingevuld. We nemen contact met u op.',
    download: 'Downloaden',
    downloadHint: 'De downloadlink werkt 7 dagen.',
    optInSubject: 'Bevestig uw inschrijving',
    optInHeading: 'Bevestig uw inschrijving',
    optInBody: 'U heeft zich ingeschreven via ‘{form}’. Bevestig uw e-mailadres om onze berichten te ontvangen. Was u dit niet? Dan kunt u deze e-mail negeren; u ontvangt verder niets van ons.',
    confirm: 'Mijn e-mailadres bevestigen',
    footer: 'U ontvangt deze e-mail omdat dit adres in een formulier is ingevuld.',
    unsubscribe: 'Afmelden',
  },
  pages: {
    confirmedTitle: 'Bedankt, uw e-mailadres is bevestigd',
    confirmedText: 'Uw inschrijving is actief. U kunt deze pagina sluiten.',
    alreadyConfirmedTitle: 'Uw e-mailadres is al bevestigd',
    alreadyConfirmedText: 'U hoeft niets meer te doen: uw inschrijving is actief. U kunt deze pagina sluiten.',
    goneTitle: 'Deze inschrijving bestaat niet meer',
    goneText: 'De gegevens achter deze link zijn verwijderd. Schrijf u gerust opnieuw in.',
    invalidConfirmTitle: 'Deze bevestigingslink is niet geldig',
    invalidConfirmText: 'Controleer of u de volledige link uit de e-mail heeft gekopieerd.',
    expiredTitle: 'Deze bevestigingslink is verlopen',
    expiredText: 'Bevestigingslinks werken 30 dagen. Schrijf u opnieuw in om een nieuwe link te ontvangen.',
    unsubscribeTitle: 'Afmelden',
    unsubscribeText: 'Geen e-mail meer van deze afzender naar dit adres.',
    unsubscribeButton: 'Afmelden',
    invalidUnsubscribeTitle: 'Deze afmeldlink is niet geldig',
    invalidUnsubscribeText: 'Controleer of u de volledige link uit de e-mail heeft gekopieerd.',
    unsubscribedTitle: 'U bent afgemeld',
    unsubscribedText: 'Dit adres ontvangt geen e-mail meer via de formulieren van deze afzender.',
  },
}
