// The consent script of published pages in `consent` mode (issue 19, decision 084), built to
// /page-assets/consent.js (app/forms/enhance/build-bundle.ts): plain DOM, no framework, under 3 KB gzipped
// (consent-script.test.ts holds it to that).
//
// It keeps the visitor's choice in `sf_consent=granted|denied`, the cookie the server reads on every request: it
// changes nothing on this page (no reload), the next request is served by it. Three ways to set it:
// - the banner the server rendered into the page (`[data-sf-consent-banner]`, hidden until this script shows it,
//   only when there is no choice yet; a page without JavaScript stays cookieless and shows nothing useless);
// - `window.splitform.consent("granted" | "denied")`, for a site's own consent tool (no argument: the choice so far);
// - Google Consent Mode (`analytics_storage` of a consent *update*) and an IAB TCF v2.2 CMP (`__tcfapi`).

type Choice = 'granted' | 'denied'
type TcData = {
  gdprApplies?: boolean
  eventStatus?: string
  purpose?: { consents?: Record<string, boolean> }
  publisher?: { consents?: Record<string, boolean> }
}
type ConsentWindow = Window & {
  splitform?: { consent?: (choice?: Choice) => Choice | null }
  dataLayer?: unknown[]
  google_tag_data?: { ics?: { entries?: Record<string, { update?: boolean } | undefined> } }
  __tcfapi?: (command: string, version: number, callback: (data: TcData, success: boolean) => void) => void
}

// TCF purposes Splitform's cookies serve (decision 084): 1 store and/or access information on a device, 8 measure
// content performance (the experiment), 9 understand audiences through statistics (first and last touch).
const TCF_PURPOSES = [1, 8, 9]

;(() => {
  const w = window as ConsentWindow
  const script = document.currentScript
  const maxAge = (Number(script?.getAttribute('data-cookie-days')) || 180) * 86400
  let banner = document.querySelector<HTMLElement>('[data-sf-consent-banner]')
  let focusBefore: Element | null = null

  const current = () => (/(?:^|;\s*)sf_consent=(granted|denied)(?:;|$)/.exec(document.cookie)?.[1] as Choice | undefined) ?? null

  function consent(choice?: Choice): Choice | null {
    if (choice === undefined) return current()
    if (choice !== 'granted' && choice !== 'denied') throw new TypeError('splitform.consent: pass "granted" or "denied"')
    // The same choice again keeps its date: consent is asked again cookieDays after it was given.
    if (choice !== current()) {
      document.cookie = `sf_consent=${choice}; Max-Age=${maxAge}; Path=/; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`
    }
    closeBanner()
    dispatchEvent(new CustomEvent('splitform:consent', { detail: choice }))
    return choice
  }
  w.splitform = { ...w.splitform, consent }

  function padBottom() {
    const height = banner ? `${banner.offsetHeight}px` : ''
    // WCAG 2.4.11: what gets keyboard focus is scrolled clear of the fixed banner, never hidden under it; and the
    // page's end can be scrolled above it (room added below everything, so nothing on the page moves).
    document.documentElement.style.scrollPaddingBottom = height
    document.body.style.paddingBottom = height
  }

  function closeBanner() {
    if (!banner) return
    const hadFocus = banner.contains(document.activeElement)
    banner.remove()
    banner = null
    padBottom()
    removeEventListener('resize', padBottom)
    if (!hadFocus) return
    // Focus goes back where it came from, or to the page's main content, so the next Tab continues in the page.
    const main = document.querySelector<HTMLElement>('main')
    const target = focusBefore instanceof HTMLElement && focusBefore.isConnected ? focusBefore : main
    if (target === main && main && !main.hasAttribute('tabindex')) main.tabIndex = -1
    target?.focus({ preventScroll: true })
  }

  function showBanner() {
    if (!banner || current()) return
    banner.hidden = false
    padBottom()
    addEventListener('resize', padBottom)
    banner.addEventListener('focusin', (event) => {
      const from = event.relatedTarget
      if (from instanceof Element && !banner?.contains(from)) focusBefore = from
    })
    banner.addEventListener('click', (event) => {
      const choice = (event.target as Element).closest('[data-sf-consent-choice]')?.getAttribute('data-sf-consent-choice')
      if (choice) consent(choice as Choice)
    })
  }

  // Google Consent Mode: gtag.js keeps its state in google_tag_data; before it loads, the commands wait in
  // dataLayer. Only an update is the visitor's choice; a default is the site's starting point, not consent.
  function readGoogle(): Choice | null {
    const entry = w.google_tag_data?.ics?.entries?.analytics_storage
    if (typeof entry?.update === 'boolean') return entry.update ? 'granted' : 'denied'
    let found: unknown = null
    for (const item of w.dataLayer ?? []) {
      const command = item as { 0?: unknown; 1?: unknown; 2?: { analytics_storage?: unknown } } | null
      if (command?.[0] === 'consent' && command[1] === 'update' && command[2]?.analytics_storage) found = command[2].analytics_storage
    }
    return found === 'granted' || found === 'denied' ? found : null
  }
  function followGoogle() {
    const choice = readGoogle()
    if (choice) consent(choice)
  }

  // IAB TCF v2.2: a stored or just-made choice; granted only with every purpose Splitform needs. Where the CMP
  // says GDPR does not apply, nothing is written (the visitor stays cookieless unless something else grants).
  function followTcf(data: TcData, success: boolean) {
    if (!success || data.gdprApplies === false || (data.eventStatus !== 'tcloaded' && data.eventStatus !== 'useractioncomplete')) return
    const has = (purpose: number) => data.purpose?.consents?.[purpose] === true || data.publisher?.consents?.[purpose] === true
    consent(TCF_PURPOSES.every(has) ? 'granted' : 'denied')
  }

  const layer = w.dataLayer
  if (Array.isArray(layer)) {
    const push = layer.push
    layer.push = function (...items: unknown[]) {
      const length = push.apply(this, items)
      followGoogle()
      return length
    }
  }
  // Before anything leaves the page (a link, a form), so the next request carries the choice.
  addEventListener('click', followGoogle, true)
  addEventListener('submit', followGoogle, true)

  followGoogle()
  if (typeof w.__tcfapi === 'function') w.__tcfapi('addEventListener', 2, followTcf)
  showBanner()
})()
