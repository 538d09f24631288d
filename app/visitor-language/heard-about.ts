import type { FormText } from './shape'

// "How did you hear about us?": its option values are stable keys (stored on leads, filtered on in CSVs, mapped in
// CRMs); the words a visitor reads come from the page's catalogue under these keys.
export const HEARD_ABOUT_TEXT_KEYS = {
  search: 'heardAboutSearch',
  social: 'heardAboutSocial',
  referral: 'heardAboutReferral',
  podcast: 'heardAboutPodcast',
  event: 'heardAboutEvent',
  newsletter: 'heardAboutNewsletter',
  other: 'heardAboutOther',
} as const satisfies Record<string, keyof FormText>
