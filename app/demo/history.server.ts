import { eq, inArray, sql } from 'drizzle-orm'
import { queryRows, type Database } from '#app/db.server'
import { writeExperimentConversions } from '#app/experiments/counting.server'
import { readScoreRules } from '#app/leads/score'
import { readPrivacySettings } from '#app/privacy/settings'
import { rateLimitHit } from '#app/rate-limits/rate-limit.server'
import { writePageViews } from '#app/visitors/page-views.server'
import { conversions, forms, leadNotes, leads, leadStageChanges, marketingSpend, workspaces } from '#db/schema'
import { DEMO_CONSENT } from './consent'
import { DEMO_EXPERIMENT, ensureDemoExperiment } from './experiment.server'
import { buildFunnel } from './funnel'
import { generateVisits, type HistoryPage } from './visits'

// Three months of the demo workspace's life, so the dashboard, the inbox and the experiment pages have something
// true-to-life to show on first start: about two hundred visitors a day on the four demo pages (three hundred on
// recent weekdays) with a weekly rhythm and gentle growth, returning visitors, conversions and the leads they
// became, and an A/B/C test running for the last month. The volume is what PGlite writes, rollups included, in a
// few seconds at first start. Written once: a workspace with any page view or lead already has its history (or real traffic)
// and is left alone. Deterministic for a given `now`.

export type DemoForm = { id: string; pageId: string; slug: string; conversionType: 'soft' | 'hard' }

export const DEMO_HISTORY = {
  days: 90,
  seed: 20261122,
  // New visitors on an average weekday 90 days ago, all pages together; a quarter more by today.
  baseVisitors: 200,
  growth: 0.25,
  // Where `npm start` serves the pages: moving between them sends this host as the referrer.
  host: 'localhost:3000',
}

// Where new visitors land and how well each page converts (the report page is the experiment's control, A).
const TRAFFIC: Record<string, { share: number; rate: number }> = {
  'demo-whitepaper': { share: 0.55, rate: DEMO_EXPERIMENT.rates.A! },
  'demo-webinar': { share: 0.22, rate: 0.08 },
  'demo-book-a-demo': { share: 0.14, rate: 0.035 },
  'demo-quote': { share: 0.09, rate: 0.03 },
}

// The write functions the server's batch writers use, and their batch size, so rollups stay consistent.
const BATCH_ROWS = 1000
// Plain inserts: rows × columns stays well under PostgreSQL's 65,535 parameters.
const INSERT_ROWS = 500

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>, onWritten?: (rows: number) => void) {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size)
    await write(batch)
    onWritten?.(batch.length)
  }
}

/** Reports the share of `total` rows written so far, from 0 to 1, to `onProgress`. */
function progressCounter(total: number, onProgress?: (share: number) => void) {
  let written = 0
  return (rows: number) => {
    written += rows
    onProgress?.(total === 0 ? 1 : Math.min(1, written / total))
  }
}

async function hasActivity(db: Database, workspaceId: string) {
  const [row] = await queryRows<{ active: boolean }>(
    db,
    sql`select exists (select 1 from page_views where workspace_id = ${workspaceId})
    or exists (select 1 from leads where workspace_id = ${workspaceId}) as active`,
  )
  return !!row?.active
}

/**
 * Several processes may start at once on one PostgreSQL (SEED_DEMO=1), and the history cannot be written in one
 * transaction (the event writers run their own). The first process to count this key within ten minutes writes
 * it; the others leave it to that one. A fixed-window counter is the app's existing cross-process "first one wins".
 */
async function claimHistory(db: Database, workspaceId: string) {
  const [row] = await queryRows<{ count: number }>(db, rateLimitHit(`seed:demo-history:${workspaceId}`, 600))
  return Number(row?.count) === 1
}

// What the demo pays per month for its paid channels (the rest is unpaid), so CAC and ROI have figures. Sized to
// the history's traffic: paid search brings about a fifth of the visitors at a few euros a click.
const DEMO_MONTHLY_SPEND: Record<string, number> = { paid_search: 2400, social: 900, email: 250 }

/** The demo's spend for every month the history touches (the current one and the three before it). */
export function demoSpend(workspaceId: string, now: Date) {
  const rows: { workspaceId: string; month: string; channel: string; amount: number }[] = []
  for (let back = 3; back >= 0; back--) {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))
    const month = first.toISOString().slice(0, 7)
    for (const [channel, amount] of Object.entries(DEMO_MONTHLY_SPEND)) rows.push({ workspaceId, month, channel, amount })
  }
  return rows
}

/**
 * Writes the history unless the workspace has one. `onProgress` hears the share of its rows written (0 to 1) after
 * each batch: on first start this is most of what `npm start` waits for, and it says how far along it is.
 */
export async function seedDemoHistory(
  db: Database,
  { workspaceId, userId, forms: demoForms, now = new Date(), onProgress }: { workspaceId: string; userId: string; forms: DemoForm[]; now?: Date; onProgress?: (share: number) => void },
) {
  if (demoForms.length === 0 || (await hasActivity(db, workspaceId)) || !(await claimHistory(db, workspaceId))) return null
  const pages: HistoryPage[] = demoForms
    .filter((form) => TRAFFIC[form.slug])
    .map((form) => ({ pageId: form.pageId, slug: form.slug, formId: form.id, conversionType: form.conversionType, ...TRAFFIC[form.slug]! }))
  // The forms as stored (a marketer may have edited them): the history's answers must pass their validation.
  const stored = await db
    .select({ id: forms.id, definition: forms.definition })
    .from(forms)
    .where(
      inArray(
        forms.id,
        pages.map((p) => p.formId),
      ),
    )
  const definitions = new Map(stored.map((f) => [f.id, f.definition]))
  for (const page of pages) {
    const next = definitions.get(page.formId)?.success.nextStep?.url
    if (next?.startsWith('/p/')) page.nextStepSlug = next.slice(3)
  }
  const report = pages.find((p) => p.slug === DEMO_EXPERIMENT.slug)
  const experiment = report ? await ensureDemoExperiment(db, { workspaceId, userId, pageId: report.pageId, formId: report.formId, now }) : null
  const [workspace] = await db.select({ scoreRules: workspaces.scoreRules, privacy: workspaces.privacy }).from(workspaces).where(eq(workspaces.id, workspaceId))
  const visits = generateVisits({
    workspaceId,
    now,
    ...DEMO_HISTORY,
    pages,
    experiment: experiment && experiment.status === 'running' ? { ...experiment, startedAt: experiment.startedAt!, rates: DEMO_EXPERIMENT.rates } : null,
    // Its visitors meet the banner when the workspace asks (app/demo/consent.ts); other modes: every view identified.
    consent: readPrivacySettings(workspace?.privacy).mode === 'consent' ? DEMO_CONSENT : undefined,
  })
  const funnel = buildFunnel({ workspaceId, userId, now, seed: DEMO_HISTORY.seed, converters: visits.converters, definitions, scoreRules: readScoreRules(workspace?.scoreRules).rules })
  const written = progressCounter(
    [visits.pageViews, funnel.leads, funnel.conversions, funnel.stageChanges, funnel.notes, visits.experimentConversions].reduce((sum, rows) => sum + rows.length, 0),
    onProgress,
  )
  // Events through the same writers as live traffic, in time order, so their rollups come out as if it were live.
  await inBatches(visits.pageViews, BATCH_ROWS, writePageViews, written)
  await db.transaction(async (tx) => {
    await inBatches(funnel.leads, INSERT_ROWS, (rows) => tx.insert(leads).values(rows), written)
    await inBatches(funnel.conversions, INSERT_ROWS, (rows) => tx.insert(conversions).values(rows), written)
    await inBatches(funnel.stageChanges, INSERT_ROWS, (rows) => tx.insert(leadStageChanges).values(rows), written)
    await inBatches(funnel.notes, INSERT_ROWS, (rows) => tx.insert(leadNotes).values(rows), written)
    await tx.insert(marketingSpend).values(demoSpend(workspaceId, now)).onConflictDoNothing()
  })
  // Queued by the server only once the conversion committed; likewise here.
  await inBatches(visits.experimentConversions, BATCH_ROWS, writeExperimentConversions, written)
  return { pageViews: visits.pageViews.length, exposures: visits.pageViews.filter((view) => view.exposure).length, leads: funnel.leads.length, conversions: funnel.conversions.length }
}
