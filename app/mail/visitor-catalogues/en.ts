// English: the reference catalogue of mail to visitors and of the pages its links open. Its keys are the shape every
// other language must fill (../visitor-catalogue.ts), and its placeholders ({form}) the ones each must use.

export const en = {
  mail: {
    confirmationSubject: 'Thank you: {form}',
    confirmationHeading: 'Thank you, we have received your details',
    confirmationBody: 'You submitted “{form}”. We will be in touch.',
    download: 'Download',
    downloadHint: 'The download link works for 7 days.',
    optInSubject: 'Please confirm your subscription',
    optInHeading: 'Confirm your subscription',
    optInBody: 'You signed up through “{form}”. Confirm your address to start receiving mail. If it was not you, ignore this mail and nothing more is sent.',
    confirm: 'Confirm my address',
    footer: 'You get this mail because this address was entered in a form.',
    unsubscribe: 'Unsubscribe',
  },
  pages: {
    confirmedTitle: 'Thank you, your address is confirmed',
    confirmedText: 'Your subscription is active. You can close this page.',
    alreadyConfirmedTitle: 'Your address is already confirmed',
    alreadyConfirmedText: 'Nothing more to do: your subscription is active. You can close this page.',
    goneTitle: 'This subscription no longer exists',
    goneText: 'The details behind this link have been removed. Sign up again if you like.',
    invalidConfirmTitle: 'This confirmation link is not valid',
    invalidConfirmText: 'Check that you copied the whole link from the mail.',
    expiredTitle: 'This confirmation link has expired',
    expiredText: 'Confirmation links work for 30 days. Sign up again to get a new one.',
    unsubscribeTitle: 'Unsubscribe',
    unsubscribeText: 'Stop mail to this address from this sender.',
    unsubscribeButton: 'Unsubscribe',
    invalidUnsubscribeTitle: 'This unsubscribe link is not valid',
    invalidUnsubscribeText: 'Check that you copied the whole link from the mail.',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribedText: 'This address gets no more mail from this sender’s forms.',
  },
}
