/*
 * Traffic channel rules. The first rule that matches wins; text is compared lower-cased and trimmed, and hosts
 * without "www.".
 *
 *  1. Paid social: utm_medium is paid_social, paid-social or paidsocial                         → social
 *  2. Paid search: utm_medium is cpc, ppc, paid, paidsearch, paid_search, paid-search or sem,
 *     or the URL carries a paid-search click id (gclid, gbraid, wbraid, msclkid)                 → paid_search
 *     (but with a social network as utm_source these are paid social ads                         → social)
 *  3. utm_medium is email, e-mail, e_mail or newsletter                                        → email
 *  4. utm_medium is social, social-network, social_network, social-media, social_media or sm    → social
 *  5. utm_source names a search engine (google, bing, …) and the medium is not paid             → organic_search
 *  6. utm_source names a social network (facebook, linkedin, …)                                 → social
 *  7. utm_source is email, e-mail, e_mail or newsletter                                        → email
 *  8. utm_medium is organic                                                                     → organic_search
 *  9. utm_medium is referral, link or app                                                       → referral
 * 10. Referrer is webmail: mail.google.com, outlook.live.com, outlook.office.com,
 *     outlook.office365.com, mail.yahoo.com                                                     → email
 * 11. Referrer is a search engine: google.<tld>, bing.com, duckduckgo.com, yahoo.<tld>,
 *     ecosia.org, baidu.com, yandex.<tld>, search.brave.com, startpage.com                      → organic_search
 * 12. Referrer is a social network: facebook.com, fb.com, instagram.com, linkedin.com, lnkd.in,
 *     t.co, twitter.com, x.com, reddit.com, youtube.com, pinterest.<tld>, tiktok.com,
 *     threads.net, threads.com, any host with a "mastodon" label                                → social
 * 13. Any other referrer on another host                                                         → referral
 * 14. No referrer, an unreadable one, or the landing page's own host, on a tagged visit (any
 *     utm_source or utm_medium): a campaign from a source none of the rules names              → referral
 * 15. Untagged, with no referrer, an unreadable one, or the landing page's own host            → direct
 *
 * A host matches a listed domain when it is that domain or a subdomain of it (m.facebook.com);
 * "name.<tld>" matches a country domain too (google.co.uk, yandex.ru).
 */

export const CHANNELS = ['paid_search', 'organic_search', 'social', 'email', 'referral', 'direct'] as const
export type Channel = (typeof CHANNELS)[number]

export const CHANNEL_LABELS: Record<Channel, string> = {
  paid_search: 'Paid search',
  organic_search: 'Organic search',
  social: 'Social',
  email: 'Email',
  referral: 'Referral',
  direct: 'Direct',
}

const PAID_SOCIAL_MEDIUMS = new Set(['paid_social', 'paid-social', 'paidsocial'])
const PAID_SEARCH_MEDIUMS = new Set(['cpc', 'ppc', 'paid', 'paidsearch', 'paid_search', 'paid-search', 'sem'])
const EMAIL_MEDIUMS = new Set(['email', 'e-mail', 'e_mail', 'newsletter'])
const SOCIAL_MEDIUMS = new Set(['social', 'social-network', 'social_network', 'social-media', 'social_media', 'sm'])
const EMAIL_SOURCES = new Set(['email', 'e-mail', 'e_mail', 'newsletter'])
const REFERRAL_MEDIUMS = new Set(['referral', 'link', 'app'])

const SEARCH_SOURCES = new Set(['google', 'bing', 'duckduckgo', 'yahoo', 'ecosia', 'baidu', 'yandex', 'brave', 'startpage'])
const SOCIAL_SOURCES = new Set(['facebook', 'fb', 'instagram', 'ig', 'linkedin', 'twitter', 'x', 'reddit', 'youtube', 'pinterest', 'tiktok', 'threads', 'mastodon'])

const WEBMAIL_HOSTS = ['mail.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'mail.yahoo.com']
const SEARCH_HOSTS = ['google.*', 'bing.com', 'duckduckgo.com', 'yahoo.*', 'ecosia.org', 'baidu.com', 'yandex.*', 'search.brave.com', 'startpage.com']
const SOCIAL_HOSTS = [
  'facebook.com',
  'fb.com',
  'instagram.com',
  'linkedin.com',
  'lnkd.in',
  't.co',
  'twitter.com',
  'x.com',
  'reddit.com',
  'youtube.com',
  'pinterest.*',
  'tiktok.com',
  'threads.net',
  'threads.com',
]

export type ChannelInput = {
  utmSource?: string | null
  utmMedium?: string | null
  /** A full URL, or host + path as readTouch stores it. */
  referrer?: string | null
  landingHost?: string | null
  /** A paid-search click id (gclid, gbraid, wbraid, msclkid) was on the landing URL. */
  gclid?: boolean
}

export function classifyChannel({ utmSource, utmMedium, referrer, landingHost, gclid = false }: ChannelInput): Channel {
  const medium = normalise(utmMedium)
  const source = normalise(utmSource)
  // "google", "Google Ads", "google.com" and "www.google.de" all name Google.
  const sourceName = source.replace(/^www\./, '').split(/[^a-z0-9]/, 1)[0]
  const sourceHost = hostOf(source) ?? ''
  const isSocialSource = SOCIAL_SOURCES.has(sourceName) || isSocialHost(sourceHost)
  if (PAID_SOCIAL_MEDIUMS.has(medium)) return 'social'
  if (PAID_SEARCH_MEDIUMS.has(medium) || gclid) return isSocialSource ? 'social' : 'paid_search'
  if (EMAIL_MEDIUMS.has(medium)) return 'email'
  if (SOCIAL_MEDIUMS.has(medium)) return 'social'
  if (SEARCH_SOURCES.has(sourceName) || isSearchHost(sourceHost)) return 'organic_search'
  if (isSocialSource) return 'social'
  if (EMAIL_SOURCES.has(source)) return 'email'
  if (medium === 'organic') return 'organic_search'
  if (REFERRAL_MEDIUMS.has(medium)) return 'referral'
  const host = hostOf(referrer ?? '')
  // Someone tagged the link, so the visit came from a campaign, not from a typed address or a bookmark: GA4 calls
  // such traffic Unassigned; of the six channels here, referral (another site sent it) is the one it belongs to.
  const isTagged = source !== '' || medium !== ''
  if (!host || host === hostOf(landingHost ?? '')) return isTagged ? 'referral' : 'direct'
  if (isWebmailHost(host)) return 'email'
  if (isSearchHost(host)) return 'organic_search'
  if (isSocialHost(host)) return 'social'
  return 'referral'
}

const normalise = (value: string | null | undefined) => (value ?? '').trim().toLowerCase()

/**
 * The host of "https://www.Example.com:8080/x", "example.com/x" or "example.com", lower-cased without "www.",
 * port or credentials; null when there is none.
 */
export function hostOf(value: string): string | null {
  const withoutScheme = normalise(value).replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
  const authority = withoutScheme.split(/[/?#]/, 1)[0]
  const host = authority
    .slice(authority.lastIndexOf('@') + 1)
    .replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '')
  return /^[a-z0-9.-]+$/.test(host) ? host : null
}

/** "bing.com" matches bing.com and its subdomains; "google.*" matches google.com, google.de, google.co.uk. */
function hostMatcher(patterns: string[]) {
  const escape = (text: string) => text.replace(/\./g, '\\.')
  const alternatives = patterns.map((p) => (p.endsWith('.*') ? `${escape(p.slice(0, -2))}\\.(?:com?\\.)?[a-z]{2,3}` : escape(p)))
  const pattern = new RegExp(`(?:^|\\.)(?:${alternatives.join('|')})$`)
  return (host: string) => pattern.test(host)
}

const isWebmailHost = hostMatcher(WEBMAIL_HOSTS)
const isSearchHost = hostMatcher(SEARCH_HOSTS)
const matchesSocialHost = hostMatcher(SOCIAL_HOSTS)
// Mastodon is thousands of servers; most put "mastodon" in the name (mastodon.social, mastodon.online).
const isSocialHost = (host: string) => matchesSocialHost(host) || host.split('.').includes('mastodon')
