import { rate } from '#app/kpis/formulas'
import type { ConsentKpi, KpiValue } from '#app/kpis/shape'
import type { PrivacyMode, ViewConsent } from '#db/enums'

// Consent reporting (issue 19, decision 085), pure. Every page view records what it knew of the visitor's consent
// (page_views.consent). The rollups (page_view_daily) count three subsets of a day's views per page and variant:
//
// - asked: views served in consent mode, where the visitor was (or had been) asked: granted, pending or denied.
//   Views in cookies mode (nobody is asked) and in cookieless mode (nothing is asked for) are not asked.
// - consented: asked views of visitors who had consented (granted).
// - cookieless: views counted without identifiers: pending, denied and cookieless.
//
// The consent rate is consented ÷ asked: the share of the views the banner could have identified that it did.
// It is a share of views, not of visitors: a visitor who accepts on the first view has that view counted pending
// (the choice came after it was served) and the later ones granted; one who refuses has every view counted denied.

/** The consents of a view served in consent mode. */
export const ASKED_CONSENTS = ['granted', 'pending', 'denied'] as const satisfies readonly ViewConsent[]
/** The consents of a view counted without identifiers (its visitor_id is a random id of its own). */
export const COOKIELESS_CONSENTS = ['pending', 'denied', 'cookieless'] as const satisfies readonly ViewConsent[]

/** One rollup sum: a period's views of one page and variant. */
export type ConsentViewRow = { label: 'cur' | 'prev'; page_id: string; variant_key: string; asked: number; consented: number; cookieless: number }
export type CookielessConversionRow = { label: 'cur' | 'prev'; conversions: number }

type ConsentCounts = { asked: number; consented: number; cookieless: number }

export const consentRate = (c: Pick<ConsentCounts, 'asked' | 'consented'>) => rate(c.consented, c.asked)

const add = (a: ConsentCounts, r: ConsentCounts): ConsentCounts => ({ asked: a.asked + r.asked, consented: a.consented + r.consented, cookieless: a.cookieless + r.cookieless })
const ZERO: ConsentCounts = { asked: 0, consented: 0, cookieless: 0 }

/**
 * The dashboard's consent section. `pages`: names of the pages (as the report has them); a page is listed when the
 * current period asked or counted cookieless any of its views. Null when there is nothing to say: the workspace is in
 * cookies mode and neither period has an asked or cookieless view.
 */
export function buildConsentKpi({
  mode,
  views,
  conversions,
  pageNames,
  hasComparison,
}: {
  mode: PrivacyMode
  views: readonly ConsentViewRow[]
  conversions: readonly CookielessConversionRow[]
  pageNames: Map<string, { name: string; slug: string }>
  hasComparison: boolean
}): ConsentKpi | null {
  const total = (label: 'cur' | 'prev') => views.filter((r) => r.label === label).reduce(add, ZERO)
  const cur = total('cur')
  const prev = hasComparison ? total('prev') : null
  if (mode === 'cookies' && cur.asked + cur.cookieless + (prev ? prev.asked + prev.cookieless : 0) === 0) return null
  const kpi = (get: (c: ConsentCounts) => number | null): KpiValue => ({ value: get(cur), previous: prev ? get(prev) : null, href: null })
  const converted = (label: 'cur' | 'prev') => conversions.filter((r) => r.label === label).reduce((n, r) => n + r.conversions, 0)

  const byPage = new Map<string, Map<string, ConsentCounts>>()
  for (const r of views) {
    if (r.label !== 'cur' || r.asked + r.cookieless === 0) continue
    const variants = byPage.get(r.page_id) ?? byPage.set(r.page_id, new Map()).get(r.page_id)!
    variants.set(r.variant_key, add(variants.get(r.variant_key) ?? ZERO, r))
  }
  const pages = [...byPage].map(([pageId, variants]) => {
    const counts = [...variants.values()].reduce(add, ZERO)
    return {
      pageId,
      name: pageNames.get(pageId)?.name ?? 'Deleted page',
      slug: pageNames.get(pageId)?.slug ?? '',
      ...counts,
      consentRate: consentRate(counts),
      variants: [...variants].sort(([a], [b]) => a.localeCompare(b)).map(([key, c]) => ({ key, ...c, consentRate: consentRate(c) })),
    }
  })
  return {
    mode,
    askedViews: kpi((c) => c.asked),
    consentedViews: kpi((c) => c.consented),
    consentRate: kpi(consentRate),
    cookielessViews: kpi((c) => c.cookieless),
    cookielessConversions: { value: converted('cur'), previous: prev ? converted('prev') : null, href: null },
    pages: pages.sort((a, b) => b.asked + b.cookieless - (a.asked + a.cookieless) || a.name.localeCompare(b.name)),
  }
}
