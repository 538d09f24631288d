import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '#app/db.server'
import { createExperiment, transitionExperiment, type ExperimentActor } from '#app/experiments/experiment.server'
import { CreateExperimentSchema, equalWeights } from '#app/experiments/schema'
import { createVariant, getPage, getVariant, publishPage, saveVariantDraft } from '#app/pages/queries.server'
import { DAY_MS } from '#app/time/days'
import { experimentEvents, experiments, pages, pageVersions, type Experiment, type PageDocumentJson } from '#db/schema'

// The demo's A/B/C test: two new headlines for the report page against the original, made the way a marketer
// makes them (duplicate the control, change the headline, publish, create and start the experiment through the
// app's own functions), then moved back in time to when it started. One variant is truly better: the history
// converts its visitors at these rates.

export const DEMO_EXPERIMENT = {
  slug: 'demo-whitepaper',
  name: 'Report headline: topic vs. outcome',
  hypothesis: 'Promising the outcome (halve onboarding time) converts more readers than naming the topic.',
  // A fixed bucketing seed instead of a random one, so every fresh demo assigns its visitors the same way and
  // tells the same story; real visitors are assigned by the same function with this seed afterwards.
  seed: 0x5eed_ab1c,
  rates: { A: 0.1, B: 0.16, C: 0.104 } as Record<string, number>,
  daysRunning: 30,
}

const HEADLINES: { name: string; headline: string }[] = [
  { name: 'Outcome headline', headline: 'Halve your onboarding time: what the top 10% of 1,200 B2B companies do' },
  { name: 'Year headline', headline: 'The 2027 B2B onboarding benchmark report' },
]

/** The demo experiment on the report page: found when it exists, else created, started and backdated. */
export async function ensureDemoExperiment(
  db: Database,
  { workspaceId, userId, pageId, formId, now }: { workspaceId: string; userId: string; pageId: string; formId: string; now: Date },
): Promise<Experiment> {
  const [existing] = await db
    .select()
    .from(experiments)
    .where(and(eq(experiments.pageId, pageId), eq(experiments.name, DEMO_EXPERIMENT.name)))
  if (existing) return existing
  const startedAt = new Date(now.getTime() - DEMO_EXPERIMENT.daysRunning * DAY_MS)
  await addHeadlineVariants(db, { workspaceId, userId, pageId, publishedAt: new Date(startedAt.getTime() - 3600_000) })
  const actor: ExperimentActor = { userId, actor: 'member' }
  const input = CreateExperimentSchema.parse({
    pageId,
    name: DEMO_EXPERIMENT.name,
    hypothesis: DEMO_EXPERIMENT.hypothesis,
    variants: equalWeights(['A', 'B', 'C']),
    primaryMetric: 'any',
    secondaryMetrics: [{ formId }],
    minRuntimeDays: 14,
  })
  const created = await createExperiment({ workspaceId, input, actor })
  if (!created.ok) throw new Error(`demo experiment: ${JSON.stringify(created.errors)}`)
  const id = created.experiment.id
  await db.update(experiments).set({ seed: DEMO_EXPERIMENT.seed }).where(eq(experiments.id, id))
  const started = await transitionExperiment({ workspaceId, id, action: 'start', actor })
  if (!started.ok) throw new Error(`demo experiment start: ${JSON.stringify(started.errors)}`)
  // Moved back in time, audit trail included: created the day before it started.
  const createdAt = new Date(startedAt.getTime() - DAY_MS)
  await db
    .update(experimentEvents)
    .set({ createdAt })
    .where(and(eq(experimentEvents.experimentId, id), eq(experimentEvents.action, 'create')))
  await db
    .update(experimentEvents)
    .set({ createdAt: startedAt })
    .where(and(eq(experimentEvents.experimentId, id), eq(experimentEvents.action, 'start')))
  const [experiment] = await db.update(experiments).set({ createdAt, startedAt, updatedAt: startedAt }).where(eq(experiments.id, id)).returning()
  return experiment!
}

/** Variants B and C: copies of the control with another hero headline, published (when the page has only A). */
async function addHeadlineVariants(db: Database, { workspaceId, userId, pageId, publishedAt }: { workspaceId: string; userId: string; pageId: string; publishedAt: Date }) {
  const page = await getPage({ workspaceId, id: pageId })
  if (!page) throw new Error('demo experiment: the report page is missing')
  if (page.variants.some((v) => v.key === 'B')) return
  for (const { name, headline } of HEADLINES) {
    const created = await createVariant({ workspaceId, pageId, name, copyFrom: 'A' })
    if (!created.ok) throw new Error(`demo experiment variant: ${created.message}`)
    const variant = await getVariant({ workspaceId, pageId, key: created.variant.key })
    const saved = await saveVariantDraft({ workspaceId, pageId, key: created.variant.key, draft: withHeroHeadline(variant!.draft, headline) })
    if (!saved.ok) throw new Error(`demo experiment draft: ${JSON.stringify(saved)}`)
  }
  const published = await publishPage({ workspaceId, pageId, userId })
  if (!published.ok) throw new Error(`demo experiment publish: ${published.errors.join('; ')}`)
  // The seed writes the past: this version went live before the experiment started.
  await db
    .update(pageVersions)
    .set({ publishedAt })
    .where(sql`${pageVersions.id} = (select ${pages.publishedVersionId} from ${pages} where ${pages.id} = ${pageId})`)
}

function withHeroHeadline(document: PageDocumentJson, headline: string): PageDocumentJson {
  const content = (document.content as { type: string; props: Record<string, unknown> }[]).map((block) => (block.type === 'Hero' ? { ...block, props: { ...block.props, headline } } : block))
  return { ...document, content }
}
