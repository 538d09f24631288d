import type { ViewConsent } from '#db/enums'
import type { PrivacySettings } from '#app/privacy/settings'

// What a request to a published page may do with the visitor's device, from the workspace's privacy mode and the
// visitor's choice (issue 19). The choice is `sf_consent`, set by the banner or the site's consent tool (never by
// this server); it is read on every request, and nothing else is read before it says `granted`.

export const CONSENT_COOKIE = 'sf_consent'
const CONSENT_PATTERN = /(?:^|;\s*)sf_consent=(granted|denied)(?:;|$)/

/** The visitor's recorded choice, or null when there is none (or it is not one we wrote). */
export function readConsentChoice(cookieHeader: string | undefined): 'granted' | 'denied' | null {
  if (!cookieHeader || !cookieHeader.includes(CONSENT_COOKIE)) return null
  return (CONSENT_PATTERN.exec(cookieHeader)?.[1] as 'granted' | 'denied' | undefined) ?? null
}

export type ViewPrivacy = {
  /** Whether this request may read and set the visitor's identifying cookies (sf_vid, sf_ft, sf_lt, sf_x_*). */
  identify: boolean
  /** What the page view records it knew (db/enums.ts): the last three are counted cookieless. */
  consent: ViewConsent
  /** The longest any identifying cookie may last after consent (the workspace's cookieDays), in seconds; null in `cookies` mode (their own lifetimes). */
  maxAgeSeconds: number | null
}

// The three answers without a choice to read are the same objects every time: the hot path allocates nothing.
const COOKIES: ViewPrivacy = { identify: true, consent: 'cookies', maxAgeSeconds: null }
const COOKIELESS: ViewPrivacy = { identify: false, consent: 'cookieless', maxAgeSeconds: null }
const PENDING: ViewPrivacy = { identify: false, consent: 'pending', maxAgeSeconds: null }
const DENIED: ViewPrivacy = { identify: false, consent: 'denied', maxAgeSeconds: null }

/** How this request is served and counted under the workspace's settings. */
export function viewPrivacy(settings: PrivacySettings, cookieHeader: string | undefined): ViewPrivacy {
  if (settings.mode === 'cookies') return COOKIES
  if (settings.mode === 'cookieless') return COOKIELESS
  const choice = readConsentChoice(cookieHeader)
  // Consent mode: identified only once the visitor said yes.
  if (choice !== 'granted') return choice === 'denied' ? DENIED : PENDING
  return { identify: true, consent: 'granted', maxAgeSeconds: settings.cookieDays * 24 * 3600 }
}
