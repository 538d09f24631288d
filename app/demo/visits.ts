import type { Channel } from '#app/attribution/channel'
import type { Device } from '#app/attribution/device'
import { readTouch, type Touch } from '#app/attribution/touch'
import { assignVariant, type Bucketable } from '#app/experiments/bucketing'
import type { ExperimentConversionRow } from '#app/experiments/counting.server'
import { createRandom } from '#app/statistics/simulate'
import { DAY_MS, dayOf, startOfDay } from '#app/time/days'
import type { PageViewRow } from '#app/visitors/page-views.server'
import { attributedChannel, toTouchJson } from '#app/visitors/visitor-cookies'
import type { TouchJson } from '#db/schema'
import { drawPerson, type Person } from './answers'
import { drawConsentChoice, viewConsentOf, type ConsentChoice, type DemoConsent } from './consent'
import {
  between,
  chance,
  drawArrival,
  drawTimeOfDay,
  drawUuid,
  drawVisitor,
  conversionChance,
  fillDelayMs,
  pickWeighted,
  visitorsOnDay,
  type Arrival,
  type Random,
  type VisitorProfile,
} from './visitors'

// The demo's visitors over the last months, as the server would have recorded them: each visitor's page views
// (with the cookies' first and last touch, the experiment's sticky assignment and exposure), and its conversions.
// Pure: rows come out, the seed writes them. Every day and every visitor has its own generator keyed by how many
// days ago it was, so the same seed gives the same visitors whatever today's date.

const MINUTE = 60_000
const LAST_TOUCH_MS = 30 * DAY_MS // the sf_lt cookie's lifetime

export type HistoryPage = {
  pageId: string
  slug: string
  formId: string
  conversionType: 'soft' | 'hard'
  /** Average conversion rate (visitors who convert), and share of new visitors who land here. */
  rate: number
  share: number
  /** The page the form's success message links to, when it is one of these. */
  nextStepSlug?: string
}
export type HistoryExperiment = Bucketable & { id: string; pageId: string; startedAt: Date; rates: Record<string, number> }
export type HistoryPlan = {
  workspaceId: string
  now: Date
  days: number
  seed: number
  /** New visitors on an average weekday at the start, across all pages; `growth` is the rise by the end. */
  baseVisitors: number
  growth: number
  pages: HistoryPage[]
  experiment: HistoryExperiment | null
  /** The host the pages are served from: moving between them sends it as the referrer. */
  host: string
  /** The workspace asks for consent (app/demo/consent.ts); absent: cookies mode, every view identified. */
  consent?: DemoConsent
}

export type HistoryConversion = {
  id: string
  /** The id it is counted under: the visitor's cookie id, or the page view's own when counted cookieless. */
  visitorId: string
  page: HistoryPage
  variantKey: string
  experimentId: string | null
  touch: TouchJson
  firstTouch: TouchJson
  firstSeenAt: Date
  startedAt: Date
  createdAt: Date
  /** The visitor's page views up to this conversion, as recordConversion counts them. */
  pagesViewed: number
}
export type ConvertingVisitor = { visitorId: string; device: Device; channel: Channel; person: Person; conversions: HistoryConversion[] }
/** Page views in time order; a visitor's first view of the running experiment carries the exposure, as on the server. */
export type VisitHistory = { pageViews: PageViewRow[]; experimentConversions: ExperimentConversionRow[]; converters: ConvertingVisitor[] }

/** A seed for the generator of one day (and one visitor of it), so nearby days get unrelated streams. */
const streamSeed = (seed: number, daysAgo: number, visitor = -1) => (seed ^ Math.imul(daysAgo + 1, 0x9e3779b1) ^ Math.imul(visitor + 2, 0x85ebca6b)) >>> 0

/** Where a view came from, as the server reads it from the URL and the Referer header; the same arrivals recur. */
function touchReader(host: string) {
  const touches = new Map<string, Touch>()
  return (path: string, { query, referrer }: Arrival) => {
    const key = `${path}?${query}#${referrer ?? ''}`
    let touch = touches.get(key)
    if (!touch) touches.set(key, (touch = readTouch(new URL(`http://${host}${path}${query ? `?${query}` : ''}`), referrer)))
    return touch
  }
}

export function generateVisits(plan: HistoryPlan): VisitHistory {
  const history: VisitHistory = { pageViews: [], experimentConversions: [], converters: [] }
  const touchOf = touchReader(plan.host)
  const today = startOfDay(dayOf(plan.now)).getTime()
  for (let daysAgo = plan.days - 1; daysAgo >= 0; daysAgo--) {
    const day = new Date(today - daysAgo * DAY_MS)
    const count = visitorsOnDay(createRandom(streamSeed(plan.seed, daysAgo)), { base: plan.baseVisitors, day, progress: 1 - daysAgo / plan.days, growth: plan.growth })
    for (let i = 0; i < count; i++) {
      const random = createRandom(streamSeed(plan.seed, daysAgo, i))
      const arrivedAt = day.getTime() + drawTimeOfDay(random)
      if (arrivedAt < plan.now.getTime()) new VisitorJourney(plan, random, history, touchOf).live(arrivedAt)
    }
  }
  const byTime =
    <T>(time: (row: T) => Date) =>
    (a: T, b: T) =>
      time(a).getTime() - time(b).getTime()
  history.pageViews.sort(byTime((r) => r.viewedAt))
  history.experimentConversions.sort(byTime((r) => r.convertedAt))
  return history
}

/** A view to come: when, which page, how the browser got there, and how much likelier than usual it converts. */
type PlannedView = { at: number; page: HistoryPage; arrival: Arrival; lift: number }

// Returning visitors mostly type the address or use a bookmark; some come back from a search or a newsletter.
const RETURN_CHANNELS: [Channel, number][] = [
  ['direct', 55],
  ['organic_search', 20],
  ['email', 15],
  ['social', 10],
]

/** A view counted without identifiers: its own id and touch, and whether it carried an exposure. */
type CookielessView = { id: string; touch: TouchJson; inExperiment: boolean }

/** One visitor from first view to last, with the cookies their browser keeps (once they may keep any). */
class VisitorJourney {
  private readonly visitorId: string
  private readonly choice: ConsentChoice | null
  private seen = 0
  private readonly profile: VisitorProfile
  private readonly person: Person
  private readonly planned: PlannedView[] = []
  private firstTouch: TouchJson | null = null
  private lastTouch: TouchJson | null = null
  private views = 0
  private exposedVariant: string | null = null
  private readonly convertedForms = new Set<string>()
  private readonly conversions: HistoryConversion[] = []

  constructor(
    private readonly plan: HistoryPlan,
    private readonly random: Random,
    private readonly history: VisitHistory,
    private readonly touchOf: ReturnType<typeof touchReader>,
  ) {
    this.visitorId = drawUuid(random)
    this.profile = drawVisitor(random)
    this.person = drawPerson(random)
    // Drawn only when the workspace asks: a plan without consent gives the same visitors as before.
    this.choice = plan.consent ? drawConsentChoice(random, this.profile.device, plan.consent) : null
  }

  live(arrivedAt: number) {
    const { random } = this
    const landing = pickWeighted(
      random,
      this.plan.pages.map((p) => [p, p.share] as const),
    )
    this.planned.push({ at: arrivedAt, page: landing, arrival: this.profile.arrival, lift: 1 })
    // A second page in the same visit: a reload, or on to another page through a link.
    if (chance(random, 0.18))
      this.planned.push({ at: arrivedAt + between(random, 1, 8) * MINUTE, page: chance(random, 0.5) ? landing : this.otherPage(landing), arrival: this.internalArrival(landing), lift: 0.5 })
    if (chance(random, 0.16)) {
      let at = arrivedAt
      for (let n = 1 + (chance(random, 0.35) ? 1 : 0) + (chance(random, 0.15) ? 1 : 0); n > 0; n--) {
        at += between(random, 1, 14) * DAY_MS
        this.planned.push({ at, page: chance(random, 0.6) ? landing : this.otherPage(landing), arrival: drawArrival(random, pickWeighted(random, RETURN_CHANNELS)), lift: 0.35 })
      }
    }
    for (let view = this.nextView(); view; view = this.nextView()) this.see(view)
    if (this.conversions.length)
      this.history.converters.push({ visitorId: this.conversions[0]!.visitorId, device: this.profile.device, channel: this.profile.channel, person: this.person, conversions: this.conversions })
  }

  private nextView() {
    this.planned.sort((a, b) => a.at - b.at)
    const view = this.planned.shift()
    return view && view.at < this.plan.now.getTime() ? view : undefined
  }

  private otherPage(current: HistoryPage) {
    if (this.plan.pages.length === 1) return current
    return pickWeighted(
      this.random,
      this.plan.pages.filter((p) => p !== current).map((p) => [p, p.share] as const),
    )
  }

  private internalArrival(from: HistoryPage): Arrival {
    return { query: '', referrer: `http://${this.plan.host}/p/${from.slug}` }
  }

  /**
   * One page view, recorded as app/visitors/visit.server.ts and app/published/view.server.ts record it. A view
   * counted cookieless has an id of its own, its variant drawn for it alone, and no cookies to read.
   */
  private see({ at, page, arrival, lift }: PlannedView) {
    const { plan } = this
    const consent = this.choice ? viewConsentOf(this.choice, this.seen++) : 'cookies'
    const identified = consent === 'cookies' || consent === 'granted'
    const visitorId = identified ? this.visitorId : drawUuid(this.random)
    const viewedAt = new Date(at)
    const path = `/p/${page.slug}`
    const touch = this.touchOf(path, arrival)
    const lastTouch = identified ? this.validLastTouch(at) : null
    const { variantKey, exposedTo } = identified ? this.variantFor(page, at) : this.variantForView(page, at, visitorId)
    this.history.pageViews.push({
      workspaceId: plan.workspaceId,
      pageId: page.pageId,
      variantKey,
      visitorId,
      consent,
      device: this.profile.device,
      channel: touch.channel,
      utmSource: touch.utmSource,
      utmMedium: touch.utmMedium,
      utmCampaign: touch.utmCampaign,
      referrer: touch.referrer,
      path,
      viewedAt,
      exposure: exposedTo ? { experimentId: exposedTo, channel: attributedChannel(touch, identified ? (lastTouch ?? this.firstTouch) : null) } : null,
    })
    if (identified) {
      this.views++
      this.firstTouch ??= toTouchJson(touch, viewedAt)
      if (touch.channel !== 'direct') this.lastTouch = toTouchJson(touch, viewedAt)
    }
    if (this.convertedForms.has(page.formId)) return
    const experiment = plan.experiment
    const inExperiment = identified ? !!(experiment && this.exposedVariant && page.pageId === experiment.pageId) : exposedTo !== null
    const rate = inExperiment ? experiment!.rates[variantKey]! : page.rate
    const cookieless = identified ? null : { id: visitorId, touch: toTouchJson(touch, viewedAt), inExperiment }
    if (chance(this.random, conversionChance(rate * lift, this.profile))) this.convert(page, variantKey, at, cookieless)
  }

  /** A view counted cookieless: on the running experiment's page, the variant is drawn for the view's id and the view is exposed. */
  private variantForView(page: HistoryPage, at: number, viewId: string): { variantKey: string; exposedTo: string | null } {
    const experiment = this.plan.experiment
    if (!experiment || page.pageId !== experiment.pageId || at < experiment.startedAt.getTime()) return { variantKey: 'A', exposedTo: null }
    const assignment = assignVariant(experiment, viewId)
    return { variantKey: assignment.variantKey, exposedTo: assignment.inExperiment ? experiment.id : null }
  }

  /** The control before the experiment and on other pages; the visitor's assignment once it runs (exposed once). */
  private variantFor(page: HistoryPage, at: number): { variantKey: string; exposedTo: string | null } {
    const experiment = this.plan.experiment
    if (!experiment || page.pageId !== experiment.pageId || at < experiment.startedAt.getTime()) return { variantKey: 'A', exposedTo: null }
    if (this.exposedVariant) return { variantKey: this.exposedVariant, exposedTo: null }
    const assignment = assignVariant(experiment, this.visitorId)
    if (!assignment.inExperiment) return { variantKey: assignment.variantKey, exposedTo: null }
    this.exposedVariant = assignment.variantKey
    return { variantKey: assignment.variantKey, exposedTo: experiment.id }
  }

  private validLastTouch(at: number) {
    return this.lastTouch && at - Date.parse(this.lastTouch.at!) < LAST_TOUCH_MS ? this.lastTouch : null
  }

  /** A conversion on the view rendered at `renderedAt`; `cookieless`: that view was counted without identifiers, and so is the conversion. */
  private convert(page: HistoryPage, variantKey: string, renderedAt: number, cookieless: CookielessView | null) {
    const { random, plan } = this
    const at = renderedAt + fillDelayMs(random, { minFillSeconds: 1, typicalSeconds: [25, 240] })
    if (at >= plan.now.getTime()) return
    const experiment = plan.experiment
    const inExperiment = cookieless ? cookieless.inExperiment : !!(experiment && this.exposedVariant && page.pageId === experiment.pageId)
    const experimentId = inExperiment ? experiment!.id : null
    const firstTouch = cookieless?.touch ?? this.firstTouch!
    const touch = cookieless?.touch ?? this.validLastTouch(at) ?? firstTouch
    const visitorId = cookieless?.id ?? this.visitorId
    const conversion: HistoryConversion = {
      id: drawUuid(random),
      visitorId,
      page,
      variantKey,
      experimentId,
      touch,
      firstTouch,
      firstSeenAt: new Date(firstTouch.at!),
      startedAt: new Date(renderedAt),
      createdAt: new Date(at),
      pagesViewed: cookieless ? 1 : this.views,
    }
    this.conversions.push(conversion)
    this.convertedForms.add(page.formId)
    if (experimentId) {
      for (const metric of ['any', page.conversionType, `form:${page.formId}`]) {
        this.history.experimentConversions.push({
          experimentId,
          visitorId,
          metric,
          variantKey,
          conversionId: conversion.id,
          device: this.profile.device,
          channel: touch.channel,
          convertedAt: conversion.createdAt,
        })
      }
    }
    if (page.conversionType === 'soft') this.planFollowUp(page, at)
  }

  /** Soft leads sometimes take the success message's next step at once, or come back for a demo after a newsletter. */
  private planFollowUp(from: HistoryPage, convertedAt: number) {
    const { random } = this
    const hard = this.plan.pages.filter((p) => p.conversionType === 'hard')
    const nextStep = this.plan.pages.find((p) => p.slug === from.nextStepSlug)
    if (nextStep && chance(random, 0.12)) this.planned.push({ at: convertedAt + between(random, 10, 90) * 1000, page: nextStep, arrival: this.internalArrival(from), lift: 2.5 })
    else if (hard.length && chance(random, 0.2))
      this.planned.push({
        at: convertedAt + between(random, 2, 25) * DAY_MS,
        page: pickWeighted(
          random,
          hard.map((p) => [p, p.share] as const),
        ),
        arrival: drawArrival(random, 'email'),
        lift: 3,
      })
  }
}
