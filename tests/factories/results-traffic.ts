// Known traffic for an experiment's results, sent over HTTP to the real visitor path, with the figures worked out
// by hand from what was sent (not from what the app stored): the results API test and the results page test both
// check every number against `expected`.
//
// Over three UTC days (two in the past through a clock that only fakes Date), 48 visitors on desktop, mobile and
// tablet arrive from each channel and are assigned by the app; some convert on a soft form, a hard form, or both,
// some twice (counted once), one double-clicks (one conversion), three come back through an email link before
// converting (the conversion counts under the channel they were exposed in), two share an email (one lead).
// Each day also brings traffic that must not count: a bot, a prefetch, a preview (?variant=B) that submits, a
// HEAD request, a bot that posts. Afterwards six leads move through the funnel.

import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { vi } from 'vitest'
import { db } from '#app/db.server'
import { DAY_MS } from '#app/time/days'
import { flushPageViews } from '#app/visitors/page-views.server'
import { saveScoreRules } from '#app/leads/score-rules.server'
import { DEFAULT_SCORE_RULES } from '#app/leads/score'
import { changeLeadStage } from '#app/leads/stage.server'
import { createForm } from '#app/forms/form.server'
import { validateFormDefinition, type FormDefinitionInput } from '#app/forms/definition'
import { createVariant, getVariant, publishPage, saveVariantDraft } from '#app/pages/queries.server'
import { leads, type LeadStage } from '#db/schema'
import { experimentApi } from '#tests/factories/experiments'
import { BROWSER_UA, CONSENT_FORM, hiddenFieldsOf, loopbackAddress, postFrom, publishFormPage } from '#tests/factories/published-forms'

export const DEVICE_UAS = {
  desktop: BROWSER_UA,
  mobile: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  tablet: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
} as const
export type FixtureDevice = keyof typeof DEVICE_UAS
const DEVICES: FixtureDevice[] = ['desktop', 'mobile', 'tablet']

/** How each visitor arrives, and the channel docs/traffic-sources.md's rules give it. */
export const SOURCES = [
  { channel: 'organic_search', query: '', referer: 'https://www.google.com/' },
  { channel: 'paid_search', query: '?utm_source=google&utm_medium=cpc&utm_campaign=spring', referer: '' },
  { channel: 'social', query: '', referer: 'https://www.facebook.com/' },
  { channel: 'email', query: '?utm_source=newsletter&utm_medium=email', referer: '' },
  { channel: 'referral', query: '', referer: 'https://partner.example.org/blog/post' },
  { channel: 'direct', query: '', referer: '' },
] as const

const BOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

export const HARD_FORM: FormDefinitionInput = {
  purpose: 'demo_request',
  conversionType: 'hard',
  minFillSeconds: 0,
  fields: [
    { key: 'email', type: 'email', label: 'Work email', required: true },
    { key: 'consent', type: 'consent', label: 'Consent', consentText: 'I agree to be contacted about a demo.' },
  ],
  success: { type: 'message', message: 'We will call you.' },
}

/** What one counted visitor did, as sent. */
export type FixtureVisitor = {
  index: number
  variant: string
  device: FixtureDevice
  channel: string
  day: string
  email: string | null
  soft: boolean
  hard: boolean
}

/** Counts per metric: '' visitors, any, soft, hard, form:<id>. */
export type MetricCounts = Record<string, number>

export type FixtureStageMove = { email: string; stages: { stage: LeadStage; dealValue?: number }[] }

export type ExpectedResults = {
  days: string[]
  variants: Record<string, MetricCounts>
  byDay: Record<string, Record<string, MetricCounts>>
  byDevice: Record<string, Record<string, MetricCounts>>
  byChannel: Record<string, Record<string, MetricCounts>>
  leadQuality: Record<string, { leads: number; mql: number; sql: number; opportunity: number; customer: number; lost: number; pipelineValue: number }>
}

export type ResultsFixture = Awaited<ReturnType<typeof seedResultsTraffic>>

/** A jar of cookies a browser would send back: later Set-Cookie values replace earlier ones. */
class CookieJar {
  private cookies = new Map<string, string>()
  take(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const at = pair!.indexOf('=')
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1))
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  has(prefix: string) {
    return [...this.cookies.keys()].some((k) => k.startsWith(prefix))
  }
}

async function get(url: string, { ua, referer = '', jar, method = 'GET', headers = {} }: { ua: string; referer?: string; jar?: CookieJar; method?: string; headers?: Record<string, string> }) {
  const response = await fetch(url, { method, headers: { 'User-Agent': ua, ...(referer ? { Referer: referer } : {}), ...(jar ? { Cookie: jar.header() } : {}), ...headers } })
  const html = method === 'HEAD' ? '' : await response.text()
  jar?.take(response)
  return { html, variant: /data-variant="([A-Z]+)"/.exec(html)?.[1] ?? null }
}

async function submit(
  serverUrl: string,
  slug: string,
  { html, formId, email, jar, ua, idem = randomUUID() }: { html: string; formId: string; email: string; jar?: CookieJar; ua: string; idem?: string },
) {
  const response = await postFrom(loopbackAddress(), `${serverUrl}/p/${slug}`, {
    headers: { 'User-Agent': ua, ...(jar ? { Cookie: jar.header() } : {}), Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...hiddenFieldsOf(html), _form: formId, _idem: idem, email, consent: true }),
  })
  if (response.status >= 400) throw new Error(`submission failed: ${response.status} ${await response.text()}`)
  return response.json() as Promise<{ conversionId: string | null }>
}

/** A page with a soft form (A's first block) and a hard form (added below it), variants A and B, published. */
async function publishTwoFormPage(owner: { workspaceId: string; userId: string }) {
  const soft = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId, definition: CONSENT_FORM, name: 'Guide download' })
  const parsed = validateFormDefinition(HARD_FORM)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const hard = await createForm({ workspaceId: owner.workspaceId, name: 'Demo request', definition: parsed.definition })
  const variantA = await getVariant({ workspaceId: owner.workspaceId, pageId: soft.pageId, key: 'A' })
  const draft = variantA!.draft as { content: { type: string; props: Record<string, unknown> }[] }
  const formBlock = draft.content.find((b) => b.type === 'Form')!
  draft.content.push({ type: 'Form', props: { ...formBlock.props, id: 'Form-hard-1', formId: hard.id, heading: 'Book a demo' } })
  const saved = await saveVariantDraft({ workspaceId: owner.workspaceId, pageId: soft.pageId, key: 'A', draft })
  if (!saved.ok) throw new Error(JSON.stringify(saved))
  await createVariant({ workspaceId: owner.workspaceId, pageId: soft.pageId, name: 'Variant B' })
  const published = await publishPage({ workspaceId: owner.workspaceId, pageId: soft.pageId, userId: owner.userId })
  if (!published.ok) throw new Error('publish failed')
  return { pageId: soft.pageId, slug: soft.slug, softFormId: soft.formId, hardFormId: hard.id }
}

const utcDay = (t: number) => new Date(t).toISOString().slice(0, 10)

/**
 * Creates the experiment (started two days ago) and sends the traffic to `serverUrl` (startVisitorServer).
 * Leaves the clock real again, everything flushed.
 */
export async function seedResultsTraffic(serverUrl: string) {
  const { owner, api } = await experimentApi()
  // No automatic MQL from the score: the stages below are exactly the ones set.
  await saveScoreRules({ workspaceId: owner.workspaceId, rules: { ...DEFAULT_SCORE_RULES, mqlThreshold: null } })
  const page = await publishTwoFormPage(owner)
  const realNow = Date.now()
  const dayTimes = [realNow - 2 * DAY_MS, realNow - DAY_MS, realNow]
  const url = `${serverUrl}/p/${page.slug}`
  const visitors: FixtureVisitor[] = []
  let experimentId = ''
  const run = randomUUID().slice(0, 8)
  // Only Date is faked (timers stay real), and it keeps moving from the time it is set to.
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
  try {
    vi.setSystemTime(dayTimes[0]! - 60 * 60 * 1000)
    const created = await api.create({
      pageId: page.pageId,
      name: 'Results fixture',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
      primaryMetric: 'any',
      secondaryMetrics: ['hard', { formId: page.hardFormId }],
      minRuntimeDays: 1,
      plannedVisitorsPerVariant: 100,
    })
    if (created.status !== 201) throw new Error(JSON.stringify(created.body))
    experimentId = created.body.id as string
    const started = await api.act(experimentId, 'start')
    if (started.status !== 200) throw new Error(JSON.stringify(started.body))

    for (let dayIndex = 0; dayIndex < 3; dayIndex++) {
      vi.setSystemTime(dayTimes[dayIndex]!)
      const day = utcDay(dayTimes[dayIndex]!)
      const today: { visitor: FixtureVisitor; html: string; jar: CookieJar; ua: string }[] = []
      for (let index = dayIndex * 16; index < dayIndex * 16 + 16; index++) {
        const device = DEVICES[index % 3]!
        const source = SOURCES[Math.floor(index / 3) % 6]!
        const jar = new CookieJar()
        const ua = DEVICE_UAS[device]
        const first = await get(`${url}${source.query}`, { ua, referer: source.referer, jar })
        if (!first.variant || !jar.has('sf_x_')) throw new Error(`visitor ${index} was not assigned`)
        // Seen again: still one visitor.
        await get(url, { ua, jar })
        const comesBackByEmail = index % 16 === 7
        const soft = index % 4 === 0 || index % 8 === 2 || comesBackByEmail
        const hard = index % 6 === 0
        const visitor: FixtureVisitor = { index, variant: first.variant, device, channel: source.channel, day, email: null, soft, hard }
        visitors.push(visitor)
        let html = first.html
        // Back through a newsletter link before converting: the conversion's own channel is email.
        if (comesBackByEmail) html = (await get(`${url}?utm_source=newsletter&utm_medium=email`, { ua, jar })).html
        today.push({ visitor, html, jar, ua })
      }
      await noise(url, serverUrl, page)
      await flushPageViews({ rollups: 'follower' })

      // Two soft converters of one variant share an email (one lead); there always is such a pair among four.
      const softToday = today.filter((t) => t.visitor.index % 4 === 0)
      const pair = softToday.flatMap((a, i) =>
        softToday
          .slice(i + 1)
          .filter((b) => b.visitor.variant === a.visitor.variant)
          .map((b) => [a, b] as const),
      )[0]
      for (const t of today) {
        const { visitor, html, jar, ua } = t
        if (!visitor.soft && !visitor.hard) continue
        visitor.email = pair && t === pair[1] ? (pair[0].visitor.email ?? `v${pair[0].visitor.index}-${run}@example.com`) : `v${visitor.index}-${run}@example.com`
        if (visitor.soft) {
          const idem = randomUUID()
          await submit(serverUrl, page.slug, { html, formId: page.softFormId, email: visitor.email, jar, ua, idem })
          // A double click: the same idempotency key again is the same conversion.
          if (visitor.index % 8 === 2) await submit(serverUrl, page.slug, { html, formId: page.softFormId, email: visitor.email, jar, ua, idem })
          // A repeat conversion on the same form: the visitor still counts once.
          if (visitor.index % 12 === 0) await submit(serverUrl, page.slug, { html, formId: page.softFormId, email: visitor.email, jar, ua })
        }
        if (visitor.hard) await submit(serverUrl, page.slug, { html, formId: page.hardFormId, email: visitor.email, jar, ua })
      }
    }
  } finally {
    vi.useRealTimers()
  }

  const stageMoves = chooseStageMoves(visitors)
  for (const move of stageMoves) {
    const [lead] = await db
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.workspaceId, owner.workspaceId), eq(leads.email, move.email)))
    for (const { stage, dealValue } of move.stages) {
      const moved = await changeLeadStage(db, { workspaceId: owner.workspaceId, leadId: lead!.id, toStage: stage, dealValue, changedBy: owner.userId, source: 'member' })
      if (!moved.ok) throw new Error(JSON.stringify(moved))
    }
  }
  return { owner, api, page, experimentId, visitors, stageMoves, expected: computeExpected(visitors, stageMoves, page) }
}

/** Traffic that is served but never counted, and submissions that are not the experiment's. */
async function noise(url: string, serverUrl: string, page: { slug: string; softFormId: string }) {
  await get(url, { ua: BOT_UA })
  await get(url, { ua: BROWSER_UA, headers: { 'Sec-Purpose': 'prefetch' } })
  await get(url, { ua: BROWSER_UA, method: 'HEAD' })
  const previewJar = new CookieJar()
  const preview = await get(`${url}?variant=B`, { ua: BROWSER_UA, jar: previewJar })
  if (preview.variant !== 'B') throw new Error('the preview did not show B')
  await submit(serverUrl, page.slug, { html: preview.html, formId: page.softFormId, email: `preview-${randomUUID()}@example.com`, jar: previewJar, ua: BROWSER_UA })
  const bot = await get(url, { ua: BOT_UA })
  await submit(serverUrl, page.slug, { html: bot.html, formId: page.softFormId, email: `bot-${randomUUID()}@example.com`, ua: BOT_UA })
}

/** Six leads, in visitor order, through the funnel (two of them end lost: one after SQL, one after an offer). */
function chooseStageMoves(visitors: FixtureVisitor[]): FixtureStageMove[] {
  const emails = [...new Set(visitors.flatMap((v) => (v.email ? [v.email] : [])))]
  const plans: FixtureStageMove['stages'][] = [
    [{ stage: 'mql' }, { stage: 'sql' }, { stage: 'lost' }],
    [{ stage: 'opportunity', dealValue: 12000 }],
    [{ stage: 'customer', dealValue: 30000 }],
    [{ stage: 'mql' }],
    [{ stage: 'lost' }],
    [{ stage: 'opportunity', dealValue: 5000 }, { stage: 'lost' }],
  ]
  return plans.map((stages, i) => ({ email: emails[i]!, stages }))
}

const RANK: Record<string, number> = { lead: 0, mql: 1, sql: 2, opportunity: 3, customer: 4, lost: 0 }

/** The figures the results must show, from the visitors as sent and the stage moves as made. */
export function computeExpected(visitors: FixtureVisitor[], moves: FixtureStageMove[], page: { softFormId: string; hardFormId: string }): ExpectedResults {
  const add = (table: Record<string, Record<string, MetricCounts>>, outer: string, v: FixtureVisitor) => {
    const counts = ((table[outer] ??= {})[v.variant] ??= { '': 0, any: 0, soft: 0, hard: 0, [`form:${page.softFormId}`]: 0, [`form:${page.hardFormId}`]: 0 })
    counts['']! += 1
    if (v.soft || v.hard) counts.any! += 1
    if (v.soft) {
      counts.soft! += 1
      counts[`form:${page.softFormId}`]! += 1
    }
    if (v.hard) {
      counts.hard! += 1
      counts[`form:${page.hardFormId}`]! += 1
    }
  }
  const all: Record<string, Record<string, MetricCounts>> = {}
  const byDay: ExpectedResults['byDay'] = {}
  const byDevice: ExpectedResults['byDevice'] = {}
  const byChannel: ExpectedResults['byChannel'] = {}
  for (const v of visitors) {
    add(all, 'all', v)
    add(byDay, v.day, v)
    add(byDevice, v.device, v)
    add(byChannel, v.channel, v)
  }
  const leadQuality: ExpectedResults['leadQuality'] = {}
  for (const key of Object.keys(all.all!).sort()) {
    const emails = [...new Set(visitors.filter((v) => v.variant === key && v.email).map((v) => v.email!))]
    const q = { leads: emails.length, mql: 0, sql: 0, opportunity: 0, customer: 0, lost: 0, pipelineValue: 0 }
    for (const email of emails) {
      const stages = moves.find((m) => m.email === email)?.stages ?? []
      const last = stages.at(-1)
      const reached = Math.max(0, ...stages.map((s) => RANK[s.stage]!))
      q.mql += reached >= 1 ? 1 : 0
      q.sql += reached >= 2 ? 1 : 0
      q.opportunity += reached >= 3 ? 1 : 0
      q.customer += reached >= 4 ? 1 : 0
      q.lost += last?.stage === 'lost' ? 1 : 0
      if (last && (last.stage === 'opportunity' || last.stage === 'customer')) q.pipelineValue += last.dealValue ?? 0
    }
    leadQuality[key] = q
  }
  return { days: Object.keys(byDay).sort(), variants: all.all!, byDay, byDevice, byChannel, leadQuality }
}
