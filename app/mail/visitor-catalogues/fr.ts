import type { VisitorMailCatalogue } from '../visitor-catalogue'

// French: vous-form, « » quotes and a no-break space before : ; ! ? as French typography wants.
export const fr: VisitorMailCatalogue = {
  mail: {
    confirmationSubject: 'Merci\u00a0: {form}',
    confirmationHeading: 'Merci, nous avons bien reçu vos informations',
    confirmationBody: 'Vous avez envoyé le formulaire «\u00a0{form}\u00a0». Nous reviendrons vers vous très vite.',
    download: 'Télécharger',
    downloadHint: 'Le lien de téléchargement est valable 7\u00a0jours.',
    optInSubject: 'Merci de confirmer votre inscription',
    optInHeading: 'Confirmez votre inscription',
    optInBody:
      'Vous vous êtes inscrit via «\u00a0{form}\u00a0». Confirmez votre adresse e-mail pour commencer à recevoir nos messages. Si vous n’êtes pas à l’origine de cette inscription, ignorez cet e-mail\u00a0: vous ne recevrez rien d’autre.',
    confirm: 'Confirmer mon adresse',
    footer: 'Vous recevez cet e-mail car cette adresse a été saisie dans un formulaire.',
    unsubscribe: 'Se désabonner',
  },
  pages: {
    confirmedTitle: 'Merci, votre adresse est confirmée',
    confirmedText: 'Votre abonnement est actif. Vous pouvez fermer cette page.',
    alreadyConfirmedTitle: 'Votre adresse est déjà confirmée',
    alreadyConfirmedText: 'Vous n’avez plus rien à faire\u00a0: votre abonnement est actif. Vous pouvez fermer cette page.',
    goneTitle: 'Cet abonnement n’existe plus',
    goneText: 'Les informations liées à ce lien ont été supprimées. Vous pouvez vous réinscrire si vous le souhaitez.',
    invalidConfirmTitle: 'Ce lien de confirmation n’est pas valide',
    invalidConfirmText: 'Vérifiez que vous avez copié le lien complet depuis l’e-mail.',
    expiredTitle: 'Ce lien de confirmation a expiré',
    expiredText: 'Les liens de confirmation sont valables 30\u00a0jours. Inscrivez-vous à nouveau pour en recevoir un nouveau.',
    unsubscribeTitle: 'Se désabonner',
    unsubscribeText: 'Ne plus recevoir d’e-mails de cet expéditeur à cette adresse.',
    unsubscribeButton: 'Me désabonner',
    invalidUnsubscribeTitle: 'Ce lien de désabonnement n’est pas valide',
    invalidUnsubscribeText: 'Vérifiez que vous avez copié le lien complet depuis l’e-mail.',
    unsubscribedTitle: 'Vous êtes désabonné',
    unsubscribedText: 'Cette adresse ne recevra plus d’e-mails des formulaires de cet expéditeur.',
  },
}
