// The consent-tool vendors whose hosts a workspace's consent tool may load from (issue 19, decision 097).
// Published pages are served from the admin app's origin, so the script a workspace names runs with the session of
// whoever opens the page: a host outside this list (or the operator's CMP_ALLOWED_HOSTS) is refused on save and
// left out at serve time. Each entry is a host suffix, matched as the host itself or a subdomain of it. Safe on both
// sides; the operator's extension is read on the server (app/privacy/cmp.server.ts).

export const CMP_VENDORS = [
  // consent.cookiebot.com/uc.js, consentcdn.cookiebot.com; the EU-only endpoints under cookiebot.eu.
  { name: 'Cookiebot', hosts: ['cookiebot.com', 'cookiebot.eu'] },
  // cdn.cookielaw.org (the script), geolocation.onetrust.com and privacyportal.onetrust.com.
  { name: 'OneTrust', hosts: ['cookielaw.org', 'onetrust.com'] },
  // web.cmp.usercentrics.eu/ui/loader.js and its API hosts.
  { name: 'Usercentrics', hosts: ['usercentrics.eu'] },
  { name: 'CookieYes', hosts: ['cdn-cookieyes.com', 'cookieyes.com'] },
  // sdk.privacy-center.org and api.privacy-center.org.
  { name: 'Didomi', hosts: ['privacy-center.org'] },
  { name: 'iubenda', hosts: ['iubenda.com'] },
  // policy.app.cookieinformation.com/uc.js (Danish; many of our users'.)
  { name: 'Cookie Information', hosts: ['cookieinformation.com'] },
  { name: 'consentmanager', hosts: ['consentmanager.net'] },
  { name: 'Axeptio', hosts: ['axept.io'] },
  { name: 'CookieFirst', hosts: ['cookiefirst.com'] },
  { name: 'Termly', hosts: ['termly.io'] },
  { name: 'Sourcepoint', hosts: ['privacy-mgmt.com'] },
  { name: 'TrustArc', hosts: ['trustarc.com'] },
  // InMobi Choice, formerly Quantcast Choice: cmp.inmobi.com.
  { name: 'InMobi Choice', hosts: ['inmobi.com'] },
] as const

export const CMP_VENDOR_HOSTS: readonly string[] = CMP_VENDORS.flatMap((vendor) => vendor.hosts)

/** The vendors by name, as an error message lists them. */
export const CMP_VENDOR_NAMES = CMP_VENDORS.map((vendor) => vendor.name).join(', ')

/** Whether `host` is `suffix` or a subdomain of it: on a label boundary, so evilcookiebot.com is not cookiebot.com. */
export function isHostUnder(host: string, suffix: string): boolean {
  const h = host.toLowerCase()
  const s = suffix.toLowerCase()
  return h === s || h.endsWith(`.${s}`)
}

/** Whether `url`'s host is a known vendor's or one of the operator's `extraHosts` (each a host suffix). */
export function isAllowedCmpHost(url: string, extraHosts: readonly string[] = []): boolean {
  if (!URL.canParse(url)) return false
  const { hostname } = new URL(url)
  return [...CMP_VENDOR_HOSTS, ...extraHosts].some((suffix) => isHostUnder(hostname, suffix))
}

/** What an address outside the list is told: the vendors known, and that the operator can allow more. */
export const UNKNOWN_CMP_HOST = `Use the address of a known consent tool (${CMP_VENDOR_NAMES}); the operator of this Splitform can allow other hosts with CMP_ALLOWED_HOSTS`
