// Every word a visitor can read on a page Splitform answers itself, rather than the marketer's page: a page that
// does not exist, one briefly unavailable, a form post that could not be taken. One module, so the localisation
// work has one catalogue to replace; no server imports, no HTML.

export const SYSTEM_PAGE_LANG = 'en'

export type SystemPageText = { title: string; text: string }

export const SYSTEM_MESSAGES = {
  notFound: { title: 'Page not found', text: 'There is no page at this address, or it is no longer published. Check the link you followed.' },
  unavailable: { title: 'This page is temporarily unavailable', text: 'Please try again in a moment.' },
  submissionTooLarge: (kilobytes: number) => `The submission is too large (at most ${kilobytes} KB)`,
  submissionNotSaved: 'Your submission could not be saved just now. Please try again in a moment; nothing was stored.',
  tooManySubmissions: (seconds: number) => `Too many submissions from your network. Try again in ${seconds} seconds.`,
} as const

/** The heading over a message that came without one (a refused form post), by the HTTP status it is sent with. */
export function systemTitleFor(status: number) {
  if (status === 404) return SYSTEM_MESSAGES.notFound.title
  if (status === 429) return 'Please wait a moment'
  if (status >= 500) return 'Something went wrong on our side'
  return 'We could not take your submission'
}
