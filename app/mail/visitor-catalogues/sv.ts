import type { VisitorMailCatalogue } from '../visitor-catalogue'

// Swedish: du-form, "mejl" as Swedish sites write it.
export const sv: VisitorMailCatalogue = {
  mail: {
    confirmationSubject: 'Tack: {form}',
    confirmationHeading: 'Tack, vi har tagit emot dina uppgifter',
    confirmationBody: 'Du skickade in ”{form}”. Vi hör av oss.',
    download: 'Ladda ner',
    downloadHint: 'Nedladdningslänken fungerar i 7 dagar.',
    optInSubject: 'Bekräfta din prenumeration',
    optInHeading: 'Bekräfta din prenumeration',
    optInBody: 'Du anmälde dig via ”{form}”. Bekräfta din adress för att börja få utskick. Var det inte du kan du bortse från detta mejl; inget mer skickas.',
    confirm: 'Bekräfta min adress',
    footer: 'Du får detta mejl eftersom adressen angavs i ett formulär.',
    unsubscribe: 'Avsluta prenumerationen',
  },
  pages: {
    confirmedTitle: 'Tack, din adress är bekräftad',
    confirmedText: 'Din prenumeration är aktiv. Du kan stänga den här sidan.',
    alreadyConfirmedTitle: 'Din adress är redan bekräftad',
    alreadyConfirmedText: 'Inget mer att göra: din prenumeration är aktiv. Du kan stänga den här sidan.',
    goneTitle: 'Den här prenumerationen finns inte längre',
    goneText: 'Uppgifterna bakom länken har tagits bort. Anmäl dig gärna igen.',
    invalidConfirmTitle: 'Bekräftelselänken är inte giltig',
    invalidConfirmText: 'Kontrollera att du kopierade hela länken från mejlet.',
    expiredTitle: 'Bekräftelselänken har gått ut',
    expiredText: 'Bekräftelselänkar fungerar i 30 dagar. Anmäl dig igen för att få en ny.',
    unsubscribeTitle: 'Avsluta prenumerationen',
    unsubscribeText: 'Sluta få mejl från den här avsändaren till den här adressen.',
    unsubscribeButton: 'Avsluta prenumerationen',
    invalidUnsubscribeTitle: 'Avregistreringslänken är inte giltig',
    invalidUnsubscribeText: 'Kontrollera att du kopierade hela länken från mejlet.',
    unsubscribedTitle: 'Du har avslutat prenumerationen',
    unsubscribedText: 'Den här adressen får inga fler mejl från avsändarens formulär.',
  },
}
