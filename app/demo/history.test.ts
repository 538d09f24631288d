import { describe, expect, test } from 'vitest'
import { assignVariant } from '#app/experiments/bucketing'
import { equalWeights } from '#app/experiments/schema'
import { validateFormDefinition } from '#app/forms/definition'
import { conversionTypeFor, starterFields, type PurposeId } from '#app/forms/purposes'
import { DEFAULT_SCORE_RULES } from '#app/leads/score'
import { DAY_MS as DAY } from '#app/time/days'
import { DEMO_CONSENT } from './consent'
import { buildFunnel } from './funnel'
import { generateVisits, type HistoryPage, type HistoryPlan } from './visits'

// The history's generators without a database: the rows they hand the seed must be what the server would have
// written. tests/integration/seed.test.ts checks the written demo.

function groupBy<T, K>(rows: T[], key: (row: T) => K) {
  const groups = new Map<K, T[]>()
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row])
  return groups
}
const now = new Date('2026-05-20T15:30:00Z')
const page = (n: number, slug: string, purpose: PurposeId, share: number, rate: number): HistoryPage => ({
  pageId: `00000000-0000-4000-8000-00000000000${n}`,
  slug,
  formId: `00000000-0000-4000-8000-0000000f000${n}`,
  conversionType: conversionTypeFor(purpose),
  share,
  rate,
})
const pages = [page(1, 'report', 'content_download', 0.6, 0.1), page(2, 'demo', 'demo_request', 0.4, 0.04)]
pages[0]!.nextStepSlug = 'demo'
const purposes: PurposeId[] = ['content_download', 'demo_request']
const experiment = {
  id: '00000000-0000-4000-8000-0000000e0001',
  pageId: pages[0]!.pageId,
  startedAt: new Date(now.getTime() - 10 * DAY),
  seed: 12345,
  bucketingVersion: 1,
  controlKey: 'A',
  coverage: 1,
  variants: equalWeights(['A', 'B', 'C']),
  rates: { A: 0.1, B: 0.2, C: 0.1 },
}
const plan: HistoryPlan = { workspaceId: '00000000-0000-4000-8000-00000000d3e0', now, days: 60, seed: 99, baseVisitors: 70, growth: 0.25, pages, experiment, host: 'localhost:3000' }
const history = generateVisits(plan)
const exposingViews = () => history.pageViews.filter((view) => view.exposure)
const conversions = history.converters.flatMap((c) => c.conversions.map((conversion) => ({ ...conversion, visitorId: c.visitorId })))

describe('the visits', () => {
  test('cover the period up to now, in time order, on every page', () => {
    const times = history.pageViews.map((v) => v.viewedAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(times[0]).toBeGreaterThanOrEqual(now.getTime() - 60 * DAY)
    expect(times[0]).toBeLessThan(now.getTime() - 59 * DAY)
    expect(times.at(-1)).toBeLessThan(now.getTime())
    expect(new Set(history.pageViews.map((v) => v.pageId))).toEqual(new Set(pages.map((p) => p.pageId)))
  })

  test('some visitors come back, some see several pages', () => {
    const byVisitor = groupBy(history.pageViews, (v) => v.visitorId)
    const returning = [...byVisitor.values()].filter((views) => views.length > 1)
    expect(returning.length / byVisitor.size).toBeGreaterThan(0.1)
    expect(returning.some((views) => new Set(views.map((v) => v.pageId)).size > 1)).toBe(true)
    // Moving between the pages sends our own host as the referrer: not a new touch.
    const internal = history.pageViews.filter((v) => v.referrer?.startsWith('localhost:3000/p/'))
    expect(internal.length).toBeGreaterThan(0)
    expect(internal.every((v) => v.channel === 'direct')).toBe(true)
  })

  test('each visitor is exposed once, on their first view after the start, to the variant the server would assign, and keeps it', () => {
    const exposures = exposingViews()
    expect(new Set(exposures.map((e) => e.visitorId)).size).toBe(exposures.length)
    for (const exposure of exposures) {
      expect(exposure.exposure!.experimentId).toBe(experiment.id)
      expect(exposure.pageId).toBe(experiment.pageId)
      expect(exposure.viewedAt.getTime()).toBeGreaterThanOrEqual(experiment.startedAt.getTime())
      expect(exposure.variantKey).toBe(assignVariant(experiment, exposure.visitorId).variantKey)
      const earlier = history.pageViews.filter((v) => v.visitorId === exposure.visitorId && v.pageId === experiment.pageId && v.viewedAt >= experiment.startedAt && v.viewedAt < exposure.viewedAt)
      expect(earlier).toEqual([])
    }
    const exposed = new Map(exposures.map((e) => [e.visitorId, e]))
    for (const view of history.pageViews.filter((v) => v.pageId === experiment.pageId)) {
      if (view.viewedAt < experiment.startedAt) expect(view.variantKey).toBe('A')
      else expect(view.variantKey).toBe(exposed.get(view.visitorId)!.variantKey)
    }
    expect(new Set(exposures.map((e) => e.variantKey))).toEqual(new Set(['A', 'B', 'C']))
  })

  test('every conversion follows a view of its page and variant by its visitor, and is counted once per metric', () => {
    const viewsOf = groupBy(history.pageViews, (v) => v.visitorId)
    for (const conversion of conversions) {
      const view = viewsOf.get(conversion.visitorId)!.find((v) => v.pageId === conversion.page.pageId && v.viewedAt.getTime() === conversion.startedAt.getTime())
      expect(view?.variantKey).toBe(conversion.variantKey)
      expect(conversion.createdAt.getTime() - conversion.startedAt.getTime()).toBeGreaterThanOrEqual(1300)
      expect(conversion.createdAt.getTime()).toBeLessThan(now.getTime())
      expect(conversion.firstSeenAt.getTime()).toBeLessThanOrEqual(conversion.startedAt.getTime())
      expect(conversion.pagesViewed).toBeGreaterThan(0)
      expect(conversion.experimentId !== null).toBe(conversion.page.pageId === experiment.pageId && conversion.startedAt >= experiment.startedAt)
    }
    const inExperiment = conversions.filter((c) => c.experimentId)
    expect(history.experimentConversions.length).toBe(inExperiment.length * 3)
    expect(new Set(history.experimentConversions.map((c) => `${c.metric}:${c.visitorId}`)).size).toBe(history.experimentConversions.length)
  })

  test('the truly better variant converts better, and phones convert worse', () => {
    const rate = (key: string) => history.experimentConversions.filter((c) => c.metric === 'any' && c.variantKey === key).length / exposingViews().filter((e) => e.variantKey === key).length
    expect(rate('B')).toBeGreaterThan(1.4 * rate('A'))
    const visitorsOn = (device: string) => new Set(history.pageViews.filter((v) => v.device === device).map((v) => v.visitorId)).size
    const convertersOn = (device: string) => history.converters.filter((c) => c.device === device).length
    expect(convertersOn('mobile') / visitorsOn('mobile')).toBeLessThan(convertersOn('desktop') / visitorsOn('desktop'))
  })

  test('the same plan gives the same history', () => {
    const again = generateVisits(plan)
    expect(again.pageViews.length).toBe(history.pageViews.length)
    expect(again.pageViews.slice(0, 50)).toEqual(history.pageViews.slice(0, 50))
    expect(again.converters.map((c) => c.visitorId)).toEqual(history.converters.map((c) => c.visitorId))
  })
})

describe('the funnel', () => {
  const definitions = new Map(
    pages.map((p, i) => {
      const parsed = validateFormDefinition({ purpose: purposes[i], conversionType: p.conversionType, fields: starterFields(purposes[i]!) })
      if (!parsed.ok) throw new Error('invalid starter form')
      return [p.formId, parsed.definition]
    }),
  )
  const funnel = buildFunnel({
    workspaceId: plan.workspaceId,
    userId: '00000000-0000-4000-8000-000000000001',
    now,
    seed: 7,
    converters: history.converters,
    definitions,
    scoreRules: DEFAULT_SCORE_RULES,
  })

  test('one lead per converting visitor, with unique emails, counts and touches from its conversions', () => {
    expect(funnel.leads.length).toBe(history.converters.length)
    expect(new Set(funnel.leads.map((l) => l.email)).size).toBe(funnel.leads.length)
    expect(funnel.conversions.length).toBe(conversions.length)
    for (const lead of funnel.leads) {
      const own = funnel.conversions.filter((c) => c.leadId === lead.id)
      expect(lead.hardConversions! + lead.softConversions!).toBe(own.length)
      expect(lead.firstTouch).toEqual(own[0]!.firstTouch)
      expect(lead.lastTouch).toEqual(own.at(-1)!.touch)
      expect(lead.channel).toBe(own[0]!.firstTouch!.channel)
      expect(lead.hotAt ?? null).toEqual(own.find((c) => c.conversionType === 'hard')?.createdAt ?? null)
    }
    // The self-reported source only where the form asks for it (the demo request form does).
    const asked = new Set(funnel.conversions.filter((c) => c.formId === pages[1]!.formId).map((c) => c.leadId))
    expect(funnel.leads.filter((l) => l.heardAbout).every((l) => asked.has(l.id!))).toBe(true)
    expect(funnel.leads.some((l) => l.heardAbout)).toBe(true)
  })

  test('stage changes chain from stage to stage, in time, and end where the lead is', () => {
    const changes = groupBy(funnel.stageChanges, (c) => c.leadId)
    for (const lead of funnel.leads) {
      let stage = 'lead'
      let at = lead.lastConversionAt!.getTime() - 1
      for (const change of changes.get(lead.id!) ?? []) {
        expect(change.fromStage).toBe(stage)
        expect(change.createdAt!.getTime()).toBeGreaterThan(at)
        expect(change.createdAt!.getTime()).toBeLessThan(now.getTime())
        if (change.toStage === 'opportunity' || change.toStage === 'customer') expect(change.dealValue).toBeGreaterThan(0)
        else expect(change.dealValue).toBeNull()
        stage = change.toStage
        at = change.createdAt!.getTime()
      }
      expect(lead.stage).toBe(stage)
      expect(lead.dealValue ?? null).toBe(['opportunity', 'customer'].includes(stage) ? (changes.get(lead.id!)!.at(-1)!.dealValue ?? null) : null)
    }
    expect(new Set(funnel.leads.map((l) => l.stage))).toEqual(new Set(['lead', 'mql', 'sql', 'opportunity', 'customer', 'lost']))
    // Members move leads; the score rules only ever move one from Lead to MQL, as the submission path does.
    for (const change of funnel.stageChanges) {
      if (change.source === 'member') expect(change.changedBy).toBe('00000000-0000-4000-8000-000000000001')
      else expect(change).toMatchObject({ source: 'score', changedBy: null, fromStage: 'lead', toStage: 'mql' })
    }
  })
})

describe('the visits in consent mode (decision 086)', () => {
  const consented = generateVisits({ ...plan, consent: DEMO_CONSENT })
  const cookieless = consented.pageViews.filter((v) => v.consent !== 'granted')

  test('every view records what it knew: pending, granted or denied, never cookies; a realistic consent rate', () => {
    const counts = groupBy(consented.pageViews, (v) => v.consent)
    expect([...counts.keys()].sort()).toEqual(['denied', 'granted', 'pending'])
    // A share of views, not of visitors: a visitor's first view is served before they choose, so it is pending, and
    // most visitors of a landing page see one page. Over half the visitors accept; about a sixth of the views are granted.
    const rate = counts.get('granted')!.length / consented.pageViews.length
    expect(rate).toBeGreaterThan(0.1)
    expect(rate).toBeLessThan(0.3)
  })

  test('a view counted cookieless has an id of its own, its own exposure on the experiment page, and its variant drawn for that id', () => {
    expect(new Set(cookieless.map((v) => v.visitorId)).size).toBe(cookieless.length)
    const granted = new Set(consented.pageViews.filter((v) => v.consent === 'granted').map((v) => v.visitorId))
    expect(cookieless.some((v) => granted.has(v.visitorId))).toBe(false)
    for (const view of cookieless.filter((v) => v.pageId === experiment.pageId && v.viewedAt >= experiment.startedAt)) {
      expect(view.exposure?.experimentId).toBe(experiment.id)
      expect(view.variantKey).toBe(assignVariant(experiment, view.visitorId).variantKey)
    }
  })

  test('consenting visitors stay on one variant; conversions are counted under the id of the view (or visitor) they came from', () => {
    const exposedGranted = consented.pageViews.filter((v) => v.consent === 'granted' && v.exposure)
    expect(new Set(exposedGranted.map((v) => v.visitorId)).size).toBe(exposedGranted.length)
    const viewsOf = groupBy(consented.pageViews, (v) => v.visitorId)
    const all = consented.converters.flatMap((c) => c.conversions)
    expect(all.some((c) => c.pagesViewed === 1 && viewsOf.get(c.visitorId)!.length === 1)).toBe(true)
    for (const conversion of all) {
      const view = viewsOf.get(conversion.visitorId)!.find((v) => v.pageId === conversion.page.pageId && v.viewedAt.getTime() === conversion.startedAt.getTime())
      expect(view?.variantKey).toBe(conversion.variantKey)
    }
    const inExperiment = all.filter((c) => c.experimentId)
    expect(consented.experimentConversions.length).toBe(inExperiment.length * 3)
  })

  test('without consent in the plan the visitors are those of cookies mode', () => {
    expect(history.pageViews.every((v) => v.consent === 'cookies')).toBe(true)
  })
})
