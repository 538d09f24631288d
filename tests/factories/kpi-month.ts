// A known month for the marketing KPIs: March 2026 (compared with the 31 days before it, 29 Jan – 28 Feb), small
// enough to count by hand. Page views go through the visitor path over real HTTP where it is practical (the
// clock set with vitest's fake Date), the rest through writePageViews; leads, conversions and stage changes are
// inserted with their dates (the submission path stamps them with the database clock). Every expected number
// below is worked out in the comments beside it; tests/integration/kpis.test.ts checks the API against them, and
// the dashboard's test can check the page against the same values.
import { randomUUID } from 'node:crypto'
import { inArray } from 'drizzle-orm'
import { vi } from 'vitest'
import { db } from '#app/db.server'
import { validateFormDefinition, type FormDefinitionInput } from '#app/forms/definition'
import { createForm } from '#app/forms/form.server'
import { saveSpendMonth } from '#app/kpis/spend.server'
import { createPage, publishPage } from '#app/pages/queries.server'
import { flushPageViews, writePageViews } from '#app/visitors/page-views.server'
import { CONSENT_FORM, startVisitorServer, BROWSER_UA } from '#tests/factories/published-forms'
import { setPrivacyMode } from '#tests/factories/privacy'
import { insertConversion, insertLead } from '#tests/factories/lead-rows'
import { leads, leadStageChanges, type LeadStage, type TouchJson } from '#db/schema'

export const KPI_PERIOD = { from: '2026-03-01', to: '2026-03-31' }
export const KPI_PREVIOUS_PERIOD = { from: '2026-01-29', to: '2026-02-28' }

const IPHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const HARD_FORM: FormDefinitionInput = { ...CONSENT_FORM, purpose: 'demo_request', conversionType: 'hard' }

const at = (iso: string) => new Date(`${iso}Z`)

function touch(channel: string, extra: Partial<TouchJson> = {}): TouchJson {
  return { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, referrer: null, landingPath: '/p/x', channel, hasClickId: false, ...extra }
}
const ORGANIC = touch('organic_search', { referrer: 'www.google.com' })
const SOCIAL = touch('social', { referrer: 'www.linkedin.com' })
const PAID = touch('paid_search', { utmSource: 'google', utmMedium: 'cpc', utmCampaign: 'spring' })
const NEWSLETTER = touch('email', { utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'march' })
const REFERRAL = touch('referral', { referrer: 'partner.example.org/post' })

async function publishNamedPage(workspaceId: string, userId: string, name: string, definition: FormDefinitionInput) {
  const parsed = validateFormDefinition(definition)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const form = await createForm({ workspaceId, name: `${name} form`, definition: parsed.definition })
  const slug = `kpi-${name.toLowerCase()}-${randomUUID().slice(0, 8)}`
  const page = await createPage({ workspaceId, name, slug, template: 'blank', formId: form.id })
  if (!page.ok) throw new Error(JSON.stringify(page))
  const published = await publishPage({ workspaceId, pageId: page.page.id, userId })
  if (!published.ok) throw new Error(JSON.stringify(published))
  return { pageId: page.page.id, formId: form.id, slug }
}

type Ids = Awaited<ReturnType<typeof seedKpiFixture>>

/**
 * Seeds the month into `workspaceId` (its pages Webinar, Demo and Blog, visitors v0–v24, leads L0–L4, spend) and
 * a second workspace's data at the same moments, which must never show. Uses the fake Date while it runs.
 */
export async function seedKpiFixture({ workspaceId, userId, otherWorkspaceId, otherUserId }: { workspaceId: string; userId: string; otherWorkspaceId: string; otherUserId: string }) {
  // The month's visitors are identified by their cookie (sf_vid): the workspaces set cookies without asking, as
  // workspaces made before privacy modes do (a new one asks for consent first and counts the rest per view).
  await setPrivacyMode(workspaceId, 'cookies')
  await setPrivacyMode(otherWorkspaceId, 'cookies')
  const webinar = await publishNamedPage(workspaceId, userId, 'Webinar', CONSENT_FORM) // soft form; variants A and B
  const demo = await publishNamedPage(workspaceId, userId, 'Demo', HARD_FORM) // hard form
  const blog = await publishNamedPage(workspaceId, userId, 'Blog', CONSENT_FORM) // traffic, never converts
  const v = Array.from({ length: 25 }, () => randomUUID()) // v[0] … v[24]

  // Over HTTP, through the visitor path: the page view's time, channel (Referer) and device (User-Agent).
  const server = await startVisitorServer()
  vi.useFakeTimers({ toFake: ['Date'] })
  try {
    const get = async (when: string, slug: string, visitorId: string, headers: Record<string, string> = {}) => {
      vi.setSystemTime(at(when))
      const res = await fetch(`${server.url}/p/${slug}`, { headers: { 'User-Agent': BROWSER_UA, Cookie: `sf_vid=${visitorId}`, ...headers } })
      if (res.status !== 200) throw new Error(`GET /p/${slug}: ${res.status}`)
      await res.arrayBuffer()
    }
    // v1 on 2 March: from Google to Webinar, then Demo 29 minutes later (same session), then Webinar again 30 minutes
    // after that (a new session).
    await get('2026-03-02T10:00:00', webinar.slug, v[1]!, { Referer: 'https://www.google.com/' })
    await get('2026-03-02T10:29:00', demo.slug, v[1]!, { Referer: `${server.url}/p/${webinar.slug}` })
    await get('2026-03-02T10:59:00', webinar.slug, v[1]!)
    // v4, on a phone, reads the blog and leaves.
    await get('2026-03-12T12:00:00', blog.slug, v[4]!, { 'User-Agent': IPHONE_UA })
    // v5 … v24 come from a partner's post to the blog and leave.
    for (let i = 5; i <= 24; i++) await get(`2026-03-15T10:${String(i).padStart(2, '0')}:00`, blog.slug, v[i]!, { Referer: 'https://partner.example.org/post' })
  } finally {
    vi.useRealTimers()
    await server.close()
  }
  await flushPageViews()

  const view = (visitorId: string, pageId: string, variantKey: string, when: string, device: string, channel: string) => ({
    workspaceId,
    pageId,
    variantKey,
    visitorId,
    device,
    channel,
    path: '/p/x',
    viewedAt: at(when),
  })
  await writePageViews([
    view(v[0]!, webinar.pageId, 'A', '2026-02-10T09:00:00', 'desktop', 'organic_search'), // previous period
    view(v[3]!, demo.pageId, 'A', '2026-01-15T10:00:00', 'desktop', 'organic_search'), // before both periods
    view(v[2]!, webinar.pageId, 'B', '2026-03-05T09:00:00', 'mobile', 'social'),
    view(v[3]!, demo.pageId, 'A', '2026-03-10T08:00:00', 'desktop', 'paid_search'),
    view(v[3]!, webinar.pageId, 'A', '2026-03-10T08:10:00', 'desktop', 'direct'),
    view(v[1]!, webinar.pageId, 'A', '2026-03-14T13:00:00', 'desktop', 'email'),
    view(v[2]!, demo.pageId, 'A', '2026-03-20T14:00:00', 'mobile', 'email'),
    view(v[1]!, webinar.pageId, 'A', '2026-03-25T16:00:00', 'desktop', 'email'),
  ])

  // Leads and their conversions (after the views: the trigger marks the sessions they fall in).
  // Each lead is inserted as its first conversion left it (its last touch that conversion's), then moved on.
  const lead = (values: Parameters<typeof insertLead>[0]) => insertLead({ email: `kpi-${randomUUID()}@example.com`, ...values })
  const convert = (
    leadId: string,
    page: { pageId: string; formId: string },
    variantKey: string,
    type: 'soft' | 'hard',
    visitorId: string,
    when: string,
    device: string,
    t: TouchJson,
    firstTouch: TouchJson,
  ) => insertConversion({ workspaceId, leadId, formId: page.formId, pageId: page.pageId, variantKey, conversionType: type, visitorId, createdAt: at(when), device, touch: t, firstTouch })
  const moves = (leadId: string, steps: [LeadStage, LeadStage, string, number | null][]) =>
    db.insert(leadStageChanges).values(steps.map(([fromStage, toStage, when, dealValue]) => ({ workspaceId, leadId, fromStage, toStage, dealValue, source: 'api', createdAt: at(when) })))

  // L4: a customer since January (first touch a referral), won again in March (an upsell).
  const L4 = await lead({
    workspaceId,
    createdAt: at('2025-12-01T12:00:00'),
    firstSeenAt: at('2025-12-01T11:00:00'),
    channel: 'referral',
    device: 'desktop',
    firstTouch: REFERRAL,
    lastTouch: REFERRAL,
    stage: 'customer',
    dealValue: 600,
    softConversions: 1,
  })
  await convert(L4.id, webinar, 'A', 'soft', randomUUID(), '2025-12-01T12:00:00', 'desktop', REFERRAL, REFERRAL)
  await moves(L4.id, [
    ['lead', 'opportunity', '2026-01-05T12:00:00', 800],
    ['opportunity', 'customer', '2026-01-10T12:00:00', 800],
    ['customer', 'opportunity', '2026-03-01T12:00:00', 500],
    ['opportunity', 'customer', '2026-03-09T12:00:00', 600],
  ])

  // L0 (previous period): v0 from Google, signs up for the webinar; customer on 5 March, the value corrected next day.
  const L0 = await lead({
    workspaceId,
    createdAt: at('2026-02-10T09:05:00'),
    firstSeenAt: at('2026-02-10T09:00:00'),
    channel: 'organic_search',
    device: 'desktop',
    heardAbout: 'search',
    firstTouch: ORGANIC,
    lastTouch: ORGANIC,
    visitorId: v[0]!,
    stage: 'customer',
    dealValue: 3000,
    softConversions: 1,
  })
  await convert(L0.id, webinar, 'A', 'soft', v[0]!, '2026-02-10T09:05:00', 'desktop', ORGANIC, ORGANIC)
  await moves(L0.id, [
    ['lead', 'mql', '2026-02-12T09:05:00', null],
    ['mql', 'opportunity', '2026-02-20T09:05:00', 2000],
    ['opportunity', 'customer', '2026-03-05T09:05:00', 2500],
    ['customer', 'customer', '2026-03-06T09:05:00', 3000],
  ])

  // L1: v1 converts in its second session on 2 March (soft), again on 14 March from the newsletter (soft); won on
  // 22 March (1,200), then an upsell won on 29 March (300). Says it found us by search.
  const L1 = await lead({
    workspaceId,
    createdAt: at('2026-03-02T11:05:00'),
    firstSeenAt: at('2026-03-02T10:00:00'),
    channel: 'organic_search',
    device: 'desktop',
    heardAbout: 'search',
    firstTouch: ORGANIC,
    lastTouch: ORGANIC,
    visitorId: v[1]!,
    stage: 'customer',
    dealValue: 300,
    softConversions: 2,
  })
  await convert(L1.id, webinar, 'A', 'soft', v[1]!, '2026-03-02T11:05:00', 'desktop', ORGANIC, ORGANIC)
  await convert(L1.id, webinar, 'A', 'soft', v[1]!, '2026-03-14T13:05:00', 'desktop', NEWSLETTER, ORGANIC)
  await moves(L1.id, [
    ['lead', 'mql', '2026-03-04T11:05:00', null],
    ['mql', 'sql', '2026-03-08T11:05:00', null],
    ['sql', 'opportunity', '2026-03-15T11:05:00', 1000],
    ['opportunity', 'customer', '2026-03-22T11:05:00', 1200],
    ['customer', 'opportunity', '2026-03-25T11:05:00', 300],
    ['opportunity', 'customer', '2026-03-29T11:05:00', 300],
  ])

  // L2: v2 on a phone from LinkedIn, webinar on variant B (soft), then a demo request from the newsletter (hard).
  // Says it heard of us on a podcast.
  const L2 = await lead({
    workspaceId,
    createdAt: at('2026-03-05T09:03:00'),
    firstSeenAt: at('2026-03-05T09:00:00'),
    channel: 'social',
    device: 'mobile',
    heardAbout: 'podcast',
    firstTouch: SOCIAL,
    lastTouch: SOCIAL,
    visitorId: v[2]!,
    stage: 'sql',
    hotAt: at('2026-03-20T14:10:00'),
    softConversions: 1,
    hardConversions: 1,
  })
  await convert(L2.id, webinar, 'B', 'soft', v[2]!, '2026-03-05T09:03:00', 'mobile', SOCIAL, SOCIAL)
  await convert(L2.id, demo, 'A', 'hard', v[2]!, '2026-03-20T14:10:00', 'mobile', NEWSLETTER, SOCIAL)
  await moves(L2.id, [
    ['lead', 'mql', '2026-03-21T09:03:00', null],
    ['mql', 'sql', '2026-03-26T09:03:00', null],
  ])

  // L3: v3 first came from Google in January; in March a paid ad brings it to the demo form (hard). Straight to
  // SQL, an offer, lost. No answer to "how did you hear about us".
  const L3 = await lead({
    workspaceId,
    createdAt: at('2026-03-10T08:15:00'),
    firstSeenAt: at('2026-01-15T10:00:00'),
    channel: 'organic_search',
    device: 'desktop',
    firstTouch: ORGANIC,
    lastTouch: PAID,
    visitorId: v[3]!,
    stage: 'lost',
    hotAt: at('2026-03-10T08:15:00'),
    hardConversions: 1,
  })
  await convert(L3.id, demo, 'A', 'hard', v[3]!, '2026-03-10T08:15:00', 'desktop', PAID, ORGANIC)
  await moves(L3.id, [
    ['lead', 'sql', '2026-03-11T08:15:00', null],
    ['sql', 'opportunity', '2026-03-18T08:15:00', 5000],
    ['opportunity', 'lost', '2026-03-28T08:15:00', null],
  ])

  // As the submission path leaves them: a lead keeps its latest conversion's touch.
  await db
    .update(leads)
    .set({ lastTouch: NEWSLETTER })
    .where(inArray(leads.id, [L1.id, L2.id]))

  // Spend: paid search 3,100 a month (January, February 2,800, March) and social 620 in March.
  await saveSpendMonth({ workspaceId, month: '2026-01', amounts: { paid_search: 3100 } })
  await saveSpendMonth({ workspaceId, month: '2026-02', amounts: { paid_search: 2800 } })
  await saveSpendMonth({ workspaceId, month: '2026-03', amounts: { paid_search: 3100, social: 620 } })

  // Another workspace at the same moments, with v1's visitor id (the cookie is the same across workspaces): none of
  // it may show, and v1's sessions here must not merge with those.
  const other = await publishNamedPage(otherWorkspaceId, otherUserId, 'Elsewhere', HARD_FORM)
  await writePageViews([
    { workspaceId: otherWorkspaceId, pageId: other.pageId, variantKey: 'A', visitorId: v[1]!, device: 'desktop', channel: 'paid_search', path: '/p/x', viewedAt: at('2026-03-02T10:15:00') },
    { workspaceId: otherWorkspaceId, pageId: other.pageId, variantKey: 'A', visitorId: randomUUID(), device: 'tablet', channel: 'social', path: '/p/x', viewedAt: at('2026-03-02T10:16:00') },
  ])
  const LX = await insertLead({
    workspaceId: otherWorkspaceId,
    createdAt: at('2026-03-02T10:20:00'),
    firstSeenAt: at('2026-03-02T10:15:00'),
    channel: 'paid_search',
    device: 'desktop',
    heardAbout: 'search',
    firstTouch: PAID,
    lastTouch: PAID,
    visitorId: v[1]!,
    stage: 'customer',
    dealValue: 99999,
    hotAt: at('2026-03-02T10:20:00'),
    hardConversions: 1,
  })
  await insertConversion({
    workspaceId: otherWorkspaceId,
    leadId: LX.id,
    formId: other.formId,
    pageId: other.pageId,
    variantKey: 'A',
    conversionType: 'hard',
    visitorId: v[1]!,
    createdAt: at('2026-03-02T10:20:00'),
    device: 'desktop',
    touch: PAID,
    firstTouch: PAID,
  })
  await db.insert(leadStageChanges).values([
    { workspaceId: otherWorkspaceId, leadId: LX.id, fromStage: 'lead', toStage: 'opportunity', dealValue: 99999, source: 'api', createdAt: at('2026-03-03T10:00:00') },
    { workspaceId: otherWorkspaceId, leadId: LX.id, fromStage: 'opportunity', toStage: 'customer', dealValue: 99999, source: 'api', createdAt: at('2026-03-04T10:00:00') },
  ])
  await saveSpendMonth({ workspaceId: otherWorkspaceId, month: '2026-03', amounts: { paid_search: 50000, direct: 1 } })

  return { pages: { webinar, demo, blog }, visitors: v, leads: { L0: L0.id, L1: L1.id, L2: L2.id, L3: L3.id, L4: L4.id } }
}

/** [value, previous] of a KPI over March and the comparison period. */
type Pair = [number | null, number | null]
const days = (minutes: number) => minutes / 1440

/**
 * What the report must say for the fixture, March 2026 against 29 Jan – 28 Feb. Sessions (S1–S28):
 *   v1: S1 2 Mar 10:00 Webinar→Demo (2 views, Google) · S2 10:59 Webinar (direct; L1 converts 11:05) ·
 *       S8 14 Mar Webinar (newsletter; converts) · S3 25 Mar Webinar (newsletter; bounce)
 *   v2: S4 5 Mar Webinar B (LinkedIn, phone; converts) · S5 20 Mar Demo (newsletter, phone; converts)
 *   v3: S6 10 Mar Demo→Webinar (paid, 2 views; converts) · v4: S7 Blog (phone; bounce) · v5–v24: 20 Blog bounces
 * 28 sessions, 26 of one page, 4 of those converted → 22 bounces. The previous period: v0's one converting session.
 */
export function expectedKpis(ids: Ids) {
  const { webinar, demo, blog } = ids.pages
  return {
    summary: {
      visitors: [24, 1] as Pair, // v1–v24 in March (v3's January visit is before both periods); v0 before
      sessions: [28, 1] as Pair,
      pageViews: [30, 1] as Pair, // Webinar A 5, B 1, Demo 3, Blog 21
      leads: [3, 1] as Pair, // L1, L2, L3; L0
      visitorToLeadRate: [3 / 24, 1] as Pair,
      softConversions: [3, 1] as Pair, // L1 ×2, L2; L0
      hardConversions: [2, 0] as Pair, // L2, L3
      hotLeads: [2, 0] as Pair, // L2, L3
      coldLeads: [1, 1] as Pair, // L1; L0
      bounceRate: [22 / 28, 0] as Pair,
    },
    pages: [
      // Most visitors first: Blog 21, then Webinar and Demo with 3 each (Webinar has more conversions).
      {
        pageId: blog.pageId,
        name: 'Blog',
        visitors: [21, 0],
        pageViews: [21, 0],
        conversions: [0, 0],
        conversionRate: [0, null],
        isNotConverting: true,
        variants: { A: { visitors: [21, 0], conversions: [0, 0], conversionRate: [0, null] } },
      },
      {
        pageId: webinar.pageId,
        name: 'Webinar',
        visitors: [3, 1],
        pageViews: [6, 1],
        conversions: [3, 1],
        conversionRate: [1, 1],
        isNotConverting: false,
        variants: { A: { visitors: [2, 1], conversions: [2, 1], conversionRate: [1, 1] }, B: { visitors: [1, 0], conversions: [1, 0], conversionRate: [1, null] } },
      },
      {
        pageId: demo.pageId,
        name: 'Demo',
        visitors: [3, 0],
        pageViews: [3, 0],
        conversions: [2, 0],
        conversionRate: [2 / 3, null],
        isNotConverting: false,
        variants: { A: { visitors: [3, 0], conversions: [2, 0], conversionRate: [2 / 3, null] } },
      },
    ],
    funnel: {
      // Each stage counts the leads that first reached it in the period (Lead: created in it), the definition of the
      // money KPIs (docs/decisions/062-customer-definition.md). Until issue 16 the funnel was the cohort of the period's
      // new leads (customers [1, 1]: L1; L0), which put "Customer 1" beside Money's "2 new customers".
      // March: MQL L1 4 Mar, L2 21 Mar, L3 11 Mar (straight to SQL, so it reached MQL then); SQL L1, L2, L3;
      // opportunity L1 15 Mar, L3 18 Mar (= Money's opportunities); customer L0 5 Mar, L1 22 Mar (= Money's new
      // customers; L4 first won in January). Previous: L0 reached MQL 12 Feb, SQL and opportunity 20 Feb; no customer.
      counts: { lead: [3, 1], mql: [3, 1], sql: [3, 1], opportunity: [2, 1], customer: [2, 0] } as Record<string, Pair>,
      rateFromPrevious: { lead: [null, null], mql: [1, 1], sql: [1, 1], opportunity: [2 / 3, 1], customer: [1, 0] } as Record<string, Pair>,
      // Medians in days over the leads that reached the step in the period: lead→MQL L1 2, L2 16, L3 1 → 2 (L0 2);
      // MQL→SQL 4, 5, 0 → 4 (L0: SQL reached with the offer, 8); SQL→opportunity 7, 7 (L0 0); opportunity→customer
      // L0 13, L1 7 → 10 (none before); lead→customer L0 23, L1 20 → 21.5, the mean sales cycle of the same two.
      medianDaysFromPrevious: { lead: [null, null], mql: [2, 2], sql: [4, 8], opportunity: [7, 0], customer: [10, null] } as Record<string, Pair>,
      lost: [1, 0] as Pair, // of the period's new leads, lost now: L3
      visitorToMql: [3 / 24, 1] as Pair,
      mqlToSql: [1, 1] as Pair,
      sqlToWon: [2 / 3, 0] as Pair,
      leadToCustomer: [2 / 3, 0] as Pair,
      medianDaysLeadToCustomer: [21.5, null] as Pair,
    },
    sources: {
      // Visitors under the channel of their first view in the period; leads and customers by first touch.
      organic_search: { visitors: [1, 1], sessions: [1, 1], leads: [2, 1], customers: [2, 0], spend: [0, 0] },
      paid_search: { visitors: [1, 0], sessions: [1, 0], leads: [0, 0], customers: [0, 0], spend: [3100, 3100] }, // previous: 3/31 of January's 3,100 + February's 2,800
      social: { visitors: [1, 0], sessions: [1, 0], leads: [1, 0], customers: [0, 0], spend: [620, 0] },
      email: { visitors: [0, 0], sessions: [3, 0], leads: [0, 0], customers: [0, 0], spend: [0, 0] },
      referral: { visitors: [20, 0], sessions: [20, 0], leads: [0, 0], customers: [0, 0], spend: [0, 0] },
      direct: { visitors: [1, 0], sessions: [2, 0], leads: [0, 0], customers: [0, 0], spend: [0, 0] },
    } as Record<string, Record<string, Pair>>,
    heardAbout: [
      // Answers by leads, then alphabetically; the unanswered last.
      { answer: 'podcast', leads: 1, byChannel: { social: 1 } },
      { answer: 'search', leads: 1, byChannel: { organic_search: 1 } },
      { answer: null, leads: 1, byChannel: { organic_search: 1 } },
    ] as { answer: string | null; leads: number; byChannel: Record<string, number> }[],
    devices: {
      desktop: { visitors: [22, 1], share: [22 / 24, 1], sessions: [25, 1], bounceRate: [21 / 25, 0], leads: [2, 1], conversions: [3, 1], conversionRate: [3 / 22, 1] },
      mobile: { visitors: [2, 0], share: [2 / 24, 0], sessions: [3, 0], bounceRate: [1 / 3, null], leads: [1, 0], conversions: [2, 0], conversionRate: [1, null] },
      tablet: { visitors: [0, 0], share: [0, 0], sessions: [0, 0], bounceRate: [null, null], leads: [0, 0], conversions: [0, 0], conversionRate: [null, null] },
    } as Record<string, Record<string, Pair>>,
    mobile: { share: [2 / 24, 0] as Pair, leads: [1, 0] as Pair },
    entryPages: [
      { pageId: blog.pageId, sessions: [21, 0], visitors: [21, 0], bounceRate: [1, null], conversionRate: [0, null] },
      { pageId: webinar.pageId, sessions: [5, 1], visitors: [2, 1], bounceRate: [1 / 5, 0], conversionRate: [3 / 5, 1] }, // S1, S2, S8, S3, S4
      { pageId: demo.pageId, sessions: [2, 0], visitors: [2, 0], bounceRate: [0, null], conversionRate: [1, null] }, // S5, S6
    ],
    timeToConversion: {
      // L1 65 minutes, L2 3 minutes, L3 54 days (first seen in January); L0 5 minutes.
      buckets: { under_1h: [1, 1], '1h_1d': [1, 0], '1d_7d': [0, 0], '7d_30d': [0, 0], over_30d: [1, 0] } as Record<string, Pair>,
      medianDays: [days(65), days(5)] as Pair,
    },
    money: {
      // Deals won in March: L0 3,000 (first; 2,500 corrected to 3,000), L1 1,200 (first) and 300 (upsell), L4 600 (upsell).
      spend: [3720, 3100] as Pair,
      newCustomers: [2, 0] as Pair, // L0, L1
      revenue: [5100, 0] as Pair,
      cac: [1860, null] as Pair,
      roi: [(5100 - 3720) / 3720, -1] as Pair,
      averageDealValue: [1275, null] as Pair,
      customerLifetimeValue: [(3000 + 1500) / 2, null] as Pair, // L0 3,000; L1 1,200 + 300
      opportunities: [2, 1] as Pair, // L1, L3 first reached Opportunity in March; L0 in February
      winRate: [4 / 5, null] as Pair, // 4 deals won, L3's offer lost
      averageSalesCycleDays: [(23 + 20) / 2, null] as Pair, // L0 10 Feb → 5 Mar, L1 2 → 22 Mar
      pipelineVelocity: [(2 * 0.8 * 1275) / 21.5, null] as Pair,
    },
    // Days with anything: [visitors seen that day, sessions started, leads created]; every other day of March is zeros.
    daily: {
      '2026-03-02': [1, 2, 1], // v1: S1, S2; L1
      '2026-03-05': [1, 1, 1], // v2: S4; L2
      '2026-03-10': [1, 1, 1], // v3: S6; L3
      '2026-03-12': [1, 1, 0],
      '2026-03-14': [1, 1, 0],
      '2026-03-15': [20, 20, 0],
      '2026-03-20': [1, 1, 0],
      '2026-03-25': [1, 1, 0],
    } as Record<string, [number, number, number]>,
    // Journeys: L1 [organic] (its first conversion repeats the first touch), L2 [social], L3 [organic, paid];
    // deals: L0 [organic], L1 [organic, email] ×2 (the newsletter conversion came before both wins), L4 [referral].
    attribution: {
      first: { organic_search: { leads: 2, customers: 2, revenue: 4500 }, social: { leads: 1, customers: 0, revenue: 0 }, referral: { leads: 0, customers: 0, revenue: 600 } },
      last: {
        organic_search: { leads: 1, customers: 1, revenue: 3000 },
        social: { leads: 1, customers: 0, revenue: 0 },
        paid_search: { leads: 1, customers: 0, revenue: 0 },
        email: { leads: 0, customers: 1, revenue: 1500 },
        referral: { leads: 0, customers: 0, revenue: 600 },
      },
      linear: {
        organic_search: { leads: 1.5, customers: 1.5, revenue: 3750 },
        social: { leads: 1, customers: 0, revenue: 0 },
        paid_search: { leads: 0.5, customers: 0, revenue: 0 },
        email: { leads: 0, customers: 0.5, revenue: 750 },
        referral: { leads: 0, customers: 0, revenue: 600 },
      },
      // The previous period under every model: L0's lead to organic search, no deals.
      previous: { organic_search: { leads: 1, customers: 0, revenue: 0 } },
    } as Record<string, Record<string, { leads: number; customers: number; revenue: number }>>,
  }
}
