import { classifyChannel, type Channel } from './channel'

/** Where a visit came from, read from its landing URL and referrer; stored as the lead's first (and last) touch. */
export type Touch = {
  utmSource: string | null
  utmMedium: string | null
  utmCampaign: string | null
  utmTerm: string | null
  utmContent: string | null
  /** Host + path, without scheme, query or fragment (those can carry search terms, tokens or email addresses). */
  referrer: string | null
  landingPath: string
  channel: Channel
  /** An ad click id was on the URL (gclid, gbraid, wbraid, msclkid, fbclid). */
  hasClickId: boolean
}

const UTM_CAP = 200
const REFERRER_CAP = 500
const PATH_CAP = 500
// gbraid/wbraid are Google's click ids on iOS, where gclid is withheld.
const PAID_SEARCH_CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'msclkid']
// fbclid is added to every outbound Facebook link, paid or not, so it marks a click but not a paid one.
const CLICK_IDS = [...PAID_SEARCH_CLICK_IDS, 'fbclid']

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/g

function clean(value: string | null | undefined, cap: number) {
  const text = (value ?? '').replace(CONTROL_CHARACTERS, '').trim().slice(0, cap).trim()
  return text === '' ? null : text
}

/** Query parameters by lower-cased name, first occurrence winning: ?UTM_Source=x counts as utm_source. */
function paramsByLowerName(url: URL) {
  const params = new Map<string, string>()
  for (const [name, value] of url.searchParams) {
    const key = name.toLowerCase()
    if (!params.has(key)) params.set(key, value)
  }
  return params
}

/** Host + path of an absolute referrer URL; null when absent or unreadable. */
function readReferrer(referrer: string | null) {
  if (!referrer) return null
  try {
    const url = new URL(referrer)
    const host = url.host.toLowerCase()
    return host ? clean(`${host}${url.pathname === '/' ? '' : url.pathname}`, REFERRER_CAP) : null
  } catch {
    return null // browsers send absolute URLs; anything else is not worth keeping
  }
}

export function readTouch(url: URL, referrer: string | null): Touch {
  const params = paramsByLowerName(url)
  const utm = (name: string) => clean(params.get(`utm_${name}`), UTM_CAP)
  const hasParam = (names: string[]) => names.some((name) => clean(params.get(name), UTM_CAP) !== null)
  const touch = {
    utmSource: utm('source'),
    utmMedium: utm('medium'),
    utmCampaign: utm('campaign'),
    utmTerm: utm('term'),
    utmContent: utm('content'),
    referrer: readReferrer(referrer),
    landingPath: url.pathname.slice(0, PATH_CAP),
    hasClickId: hasParam(CLICK_IDS),
  }
  const channel = classifyChannel({ ...touch, landingHost: url.host, gclid: hasParam(PAID_SEARCH_CLICK_IDS) })
  return { ...touch, channel }
}
