import { sql } from 'drizzle-orm'
import type { Database } from '#app/db.server'
import { classifyChannel } from '#app/attribution/channel'
import { directTouch } from '#app/visitors/visit.server'
import { conversions, leadNotes, leads, leadStageChanges, pageViews, type LeadStage, type TouchJson } from './schema'

// Demo leads across every stage, with their conversions, page views, stage history and a few notes, so the
// inbox and the lead detail are alive on first start. Deterministic (a fixed pseudo-random sequence) and
// written once: a workspace that already has leads is left alone.

export type DemoForm = { id: string; pageId: string; conversionType: 'soft' | 'hard' }

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Katherine', 'Tim', 'Radia', 'Ken', 'Barbara', 'Dennis', 'Frances', 'John', 'Hedy', 'Edsger', 'Anita', 'Donald', 'Sophie', 'Yukihiro', 'Guido']
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Johnson', 'Berners-Lee', 'Perlman', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'Backus', 'Lamarr', 'Dijkstra', 'Borg', 'Knuth', 'Wilson', 'Matsumoto', 'van Rossum']
const COMPANIES = ['Northwind', 'Globex', 'Initech', 'Umbrella Analytics', 'Stark Logistics', 'Wayne Retail', 'Hooli', 'Vandelay Imports', 'Soylent Foods', 'Tyrell Systems', 'Cyberdyne', 'Wonka Industries']
const SOURCES: Partial<TouchJson>[] = [
  { utmSource: 'google', utmMedium: 'cpc', utmCampaign: 'brand-q4', hasClickId: true },
  { referrer: 'www.google.com' },
  { utmSource: 'linkedin', utmMedium: 'social', utmCampaign: 'webinar-launch' },
  { utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'november-digest' },
  { referrer: 'news.ycombinator.com/item' },
  {},
  { utmSource: 'bing', utmMedium: 'cpc', utmCampaign: 'generic-ab-testing' },
  { referrer: 'www.linkedin.com/feed' },
]
const DEVICES = ['desktop', 'desktop', 'mobile', 'mobile', 'tablet']
// How far each lead got; the list holds every stage so the funnel has something at each step.
const JOURNEYS: LeadStage[][] = [
  ['lead'],
  ['lead'],
  ['lead'],
  ['lead', 'mql'],
  ['lead', 'mql'],
  ['lead', 'mql', 'sql'],
  ['lead', 'mql', 'sql', 'opportunity'],
  ['lead', 'mql', 'sql', 'opportunity', 'customer'],
  ['lead', 'mql', 'lost'],
  ['lead', 'mql', 'sql', 'opportunity', 'lost'],
]

/** A small deterministic generator (mulberry32), so every fresh demo has the same leads. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function touchFor(source: Partial<TouchJson>, landingPath: string, at: Date): TouchJson {
  const touch = { ...directTouch(landingPath), ...source }
  const channel = classifyChannel({ ...touch, landingHost: 'splitform.dev', gclid: touch.hasClickId })
  return { ...touch, channel, at: at.toISOString() }
}

export async function seedDemoLeads(db: Database, { workspaceId, userId, forms, count = 48, now = new Date() }: { workspaceId: string; userId: string; forms: DemoForm[]; count?: number; now?: Date }) {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(leads).where(sql`${leads.workspaceId} = ${workspaceId}`)
  if ((existing?.n ?? 0) > 0 || forms.length === 0) return
  const rand = random(20261122)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const day = 24 * 3600 * 1000
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const first = FIRST[i % FIRST.length]!
      const last = LAST[(i * 7) % LAST.length]!
      const company = pick(COMPANIES)
      const email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `${i}@${company.toLowerCase().replace(/[^a-z]/g, '')}.example`
      const journey = JOURNEYS[i % JOURNEYS.length]!
      const firstSeen = new Date(now.getTime() - (3 + rand() * 85) * day)
      const source = pick(SOURCES)
      const device = pick(DEVICES)
      const soft = forms.filter((f) => f.conversionType === 'soft')
      const hard = forms.filter((f) => f.conversionType === 'hard')
      // Leads that reached SQL or beyond asked for a demo or a quote at some point.
      const convertedForms = [pick(soft.length ? soft : forms), ...(journey.length >= 3 || rand() < 0.2 ? [pick(hard.length ? hard : forms)] : [])]
      const visitorId = crypto.randomUUID()
      const views = 1 + Math.floor(rand() * 5)
      const firstTouch = touchFor(source, `/p/demo-${i % 2 ? 'webinar' : 'whitepaper'}`, firstSeen)
      for (let v = 0; v < views; v++) {
        await tx.insert(pageViews).values({
          workspaceId,
          pageId: convertedForms[0]!.pageId,
          variantKey: 'A',
          visitorId,
          device,
          channel: v === 0 ? firstTouch.channel : 'direct',
          utmSource: v === 0 ? firstTouch.utmSource : null,
          utmMedium: v === 0 ? firstTouch.utmMedium : null,
          utmCampaign: v === 0 ? firstTouch.utmCampaign : null,
          referrer: v === 0 ? firstTouch.referrer : null,
          path: firstTouch.landingPath,
          viewedAt: new Date(firstSeen.getTime() + v * 3600 * 1000),
        })
      }
      let at = new Date(firstSeen.getTime() + (0.1 + rand() * 2) * day)
      const hardCount = convertedForms.filter((f) => f.conversionType === 'hard').length
      const [lead] = await tx
        .insert(leads)
        .values({
          workspaceId,
          email,
          name: `${first} ${last}`,
          company,
          hotAt: hardCount ? at : null,
          stage: 'lead',
          hardConversions: hardCount,
          softConversions: convertedForms.length - hardCount,
          pagesViewed: views,
          firstTouch,
          lastTouch: firstTouch,
          channel: firstTouch.channel,
          heardAbout: pick(['search', 'social', 'referral', 'podcast', 'event', null]),
          device,
          visitorId,
          firstSeenAt: firstSeen,
          lastConversionAt: at,
          lastActivityAt: at,
          // Older leads have been looked at; the newest hot ones wait for someone.
          openedAt: i < count - 6 ? at : null,
          createdAt: at,
        })
        .returning({ id: leads.id })
      for (const form of convertedForms) {
        await tx.insert(conversions).values({
          workspaceId,
          leadId: lead!.id,
          formId: form.id,
          pageId: form.pageId,
          variantKey: 'A',
          conversionType: form.conversionType,
          visitorId,
          idempotencyKey: `demo-${i}-${form.id}`,
          answers: { email, name: `${first} ${last}`, company, consent: true },
          touch: firstTouch,
          firstTouch,
          device,
          firstSeenAt: firstSeen,
          startedAt: new Date(at.getTime() - 40_000),
          createdAt: at,
        })
        at = new Date(at.getTime() + (1 + rand() * 5) * day)
      }
      let stage: LeadStage = 'lead'
      let stageAt = at
      let dealValue: number | null = null
      for (const next of journey.slice(1)) {
        stageAt = new Date(Math.min(now.getTime() - 3600_000, stageAt.getTime() + (1 + rand() * 9) * day))
        dealValue = next === 'opportunity' ? Math.round(8 + rand() * 60) * 500 : next === 'customer' ? dealValue : null
        await tx.insert(leadStageChanges).values({ workspaceId, leadId: lead!.id, fromStage: stage, toStage: next, dealValue, changedBy: next === 'mql' ? null : userId, source: next === 'mql' ? 'score' : 'member', createdAt: stageAt })
        stage = next
      }
      await tx.update(leads).set({ stage, dealValue }).where(sql`${leads.id} = ${lead!.id}`)
      if (stage === 'opportunity' || stage === 'customer') {
        await tx.insert(leadNotes).values({ workspaceId, leadId: lead!.id, authorId: userId, body: `Call with ${first}: evaluating us against their current tool; budget confirmed.`, createdAt: stageAt })
      }
    }
  })
}
