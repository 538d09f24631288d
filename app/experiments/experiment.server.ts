import { and, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm'
import { db, isUniqueViolation, queryRows, type Database, type Transaction } from '#app/db.server'
import { BUCKETING_VERSION, newExperimentSeed } from '#app/experiments/bucketing'
import { maturityCutoffSql, pendingConversionRows } from '#app/experiments/counting.server'
import { analyzePrimaryMetric } from '#app/experiments/results/compute'
import { winnerEvidence } from '#app/experiments/results/evidence'
import { checkQualityGuardrail, collectGuardrailCounts } from '#app/experiments/results/guardrail'
import { readLeadStages } from '#app/experiments/results/lead-stages.server'
import { DEFAULT_MATURITY_DAYS, isLeadMetric, metricKey, type CreateExperiment, type ExperimentAction } from '#app/experiments/schema'
import { MATURE_VISITORS, PIPELINE_SQUARES } from '#app/experiments/results/lead-metrics'
import { changed } from '#app/changes/signal'
import { experimentDaily, experimentEvents, experimentLeads, experiments, forms, pages, pageVariants, pageVersions, users, workspaces, type Experiment, type ExperimentStatus } from '#db/schema'

// An experiment's life: draft → running ⇄ paused → concluded (with a winner or none). Every change is audited
// (who, when, what) and makes this process serve the page's new state at once (others within a second).

/** Who acts: a member (userId), an API key (apiKeyId, kept in the audit detail) or the auto-ship rule. */
export type ExperimentActor = { userId: string | null; actor: 'member' | 'api' | 'auto'; apiKeyId?: string }
type Failure = { ok: false; status: 400 | 404 | 409; errors: Record<string, string[]> }
type Result = { ok: true; experiment: Experiment } | Failure

const fail = (status: Failure['status'], field: string, message: string): Failure => ({ ok: false, status, errors: { [field]: [message] } })

async function audit(tx: Transaction, experiment: Pick<Experiment, 'id' | 'workspaceId'>, action: string, actor: ExperimentActor, detail: Record<string, unknown> = {}) {
  const who = actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {}
  await tx.insert(experimentEvents).values({ experimentId: experiment.id, workspaceId: experiment.workspaceId, action, detail: { ...detail, ...who }, userId: actor.userId, actor: actor.actor })
}

/** `input` as CreateExperimentSchema parsed it; maturityDays may be left out by callers that build it themselves (the default applies). */
export async function createExperiment({
  workspaceId,
  input,
  actor,
}: {
  workspaceId: string
  input: Omit<CreateExperiment, 'maturityDays'> & { maturityDays?: number }
  actor: ExperimentActor
}): Promise<Result> {
  const maturityDays = input.maturityDays ?? DEFAULT_MATURITY_DAYS
  const [page] = await db
    .select({ id: pages.id })
    .from(pages)
    .where(and(eq(pages.id, input.pageId), eq(pages.workspaceId, workspaceId), isNull(pages.archivedAt)))
  if (!page) return fail(404, 'pageId', 'No such page in this workspace')
  const keys = (await db.select({ key: pageVariants.key }).from(pageVariants).where(eq(pageVariants.pageId, page.id))).map((v) => v.key)
  const missing = input.variants.findIndex((v) => !keys.includes(v.key))
  if (missing >= 0) return fail(400, `variants.${missing}.key`, `The page has no variant ${input.variants[missing]!.key} (it has ${keys.join(', ')})`)
  const formIds = [input.primaryMetric, ...input.secondaryMetrics].flatMap((m) => (typeof m === 'object' ? [m.formId] : []))
  if (formIds.length) {
    const found = await db
      .select({ id: forms.id })
      .from(forms)
      .where(and(inArray(forms.id, formIds), eq(forms.workspaceId, workspaceId)))
    if (found.length !== new Set(formIds).size) return fail(400, 'primaryMetric', 'A metric names a form that is not in this workspace')
  }
  return db.transaction(async (tx) => {
    const [experiment] = await tx
      .insert(experiments)
      .values({
        workspaceId,
        pageId: page.id,
        name: input.name,
        hypothesis: input.hypothesis,
        seed: newExperimentSeed(),
        bucketingVersion: BUCKETING_VERSION,
        variants: input.variants,
        controlKey: input.control ?? input.variants[0]!.key,
        coverage: input.coverage,
        primaryMetric: input.primaryMetric,
        secondaryMetrics: input.secondaryMetrics,
        confidence: input.confidence,
        minRuntimeDays: input.minRuntimeDays,
        plannedVisitorsPerVariant: input.plannedVisitorsPerVariant ?? null,
        maturityDays,
        autoShip: input.autoShip,
        createdBy: actor.userId,
      })
      .returning()
    await audit(tx, experiment!, 'create', actor, { variants: input.variants, coverage: input.coverage, primaryMetric: metricKey(input.primaryMetric), maturityDays })
    return { ok: true as const, experiment: experiment! }
  })
}

/** The experiment, its page and its workspace's time zone (the zone its days are counted in, decision 087). */
export async function getExperiment({ workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await db
    .select({ experiment: experiments, page: { id: pages.id, name: pages.name, slug: pages.slug }, timeZone: workspaces.timezone })
    .from(experiments)
    .innerJoin(pages, eq(pages.id, experiments.pageId))
    .innerJoin(workspaces, eq(workspaces.id, experiments.workspaceId))
    .where(and(eq(experiments.id, id), eq(experiments.workspaceId, workspaceId)))
  return row ?? null
}

export function listExperiments({ workspaceId }: { workspaceId: string }) {
  return db
    .select({ experiment: experiments, page: { id: pages.id, name: pages.name, slug: pages.slug } })
    .from(experiments)
    .innerJoin(pages, eq(pages.id, experiments.pageId))
    .where(eq(experiments.workspaceId, workspaceId))
    .orderBy(desc(experiments.createdAt))
}

/** The audit history, newest first, with the member's name (null for API keys, automatic actions and deleted users). */
export function listExperimentEvents({ experimentId }: { experimentId: string }) {
  return db
    .select({ ...getTableColumns(experimentEvents), userName: users.name })
    .from(experimentEvents)
    .leftJoin(users, eq(users.id, experimentEvents.userId))
    .where(eq(experimentEvents.experimentId, experimentId))
    .orderBy(desc(experimentEvents.createdAt))
}

/**
 * Totals per experiment × variant × metric from the daily rollups (metric '' = visitors, else converted visitors)
 * and the experiment conversions still queued for them, in one statement (app/experiments/counting.server.ts),
 * read through `executor` (a transaction that holds the experiments locked, for auto-ship and a declaration).
 * With `workspaceId`, only that workspace's experiments count, whatever ids the caller hands over.
 * Lead metrics among `metrics` (hot, mql, sql, opportunity, customer, pipeline) add, per experiment, its visitors
 * exposed at least maturity_days before `now` (MATURE_VISITORS) and, from experiment_leads, the same visitors'
 * stage counts, or their deal values' sum (pipeline) and sum of squares (PIPELINE_SQUARES): decision 060.
 */
export async function countVariantTotals({
  experimentIds,
  metrics,
  workspaceId,
  executor = db,
  now = new Date(),
}: {
  experimentIds: string[]
  metrics: string[]
  workspaceId?: string
  executor?: Database | Transaction
  now?: Date
}) {
  if (!experimentIds.length || !metrics.length) return []
  const ids = workspaceId
    ? executor
        .select({ id: experiments.id })
        .from(experiments)
        .where(and(eq(experiments.workspaceId, workspaceId), inArray(experiments.id, experimentIds)))
    : experimentIds
  const leadMetrics = metrics.filter(isLeadMetric)
  const rollupMetrics = leadMetrics.length ? [...new Set(['', ...metrics])] : metrics
  const pending = pendingConversionRows(inArray(sql`q.experiment_id`, ids))
  const leadTotals = leadMetrics.length
    ? sql`union all
        select r.experiment_id, r.variant_key, ${MATURE_VISITORS}, r.count from rollups r join cutoffs c on c.id = r.experiment_id where r.metric = '' and r.day <= c.day
        union all
        select l.experiment_id, l.variant_key, m.metric, m.value from ${experimentLeads} l join cutoffs c on c.id = l.experiment_id
          cross join lateral (values ('hot', l.is_hot::int::float8), ('mql', (l.reached >= 1)::int::float8), ('sql', (l.reached >= 2)::int::float8),
            ('opportunity', (l.reached >= 3)::int::float8), ('customer', (l.reached >= 4)::int::float8), ('pipeline', l.pipeline_value::float8),
            (${PIPELINE_SQUARES}, (l.pipeline_value * l.pipeline_value)::float8)) as m(metric, value)
          where ${inArray(sql`l.experiment_id`, ids)} and l.exposure_day <= c.day and ${inArray(sql`m.metric`, [...leadMetrics, ...(leadMetrics.includes('pipeline') ? [PIPELINE_SQUARES] : [])])}`
    : sql``
  return queryRows<{ experimentId: string; variantKey: string; metric: string; count: number }>(
    executor,
    sql`with rollups as (
        select experiment_id, day, variant_key, metric, count from ${experimentDaily} where ${and(inArray(experimentDaily.experimentId, ids), inArray(experimentDaily.metric, rollupMetrics))}
        union all
        select experiment_id, day, variant_key, metric, count from (${pending}) pending where ${inArray(sql`pending.metric`, rollupMetrics)}
      ), cutoffs as (
        select x.id, ${maturityCutoffSql(sql`x`, now)} as day from ${experiments} x where ${inArray(sql`x.id`, ids)}
      )
      select experiment_id as "experimentId", variant_key as "variantKey", metric, sum(count)::float8 as count from (
        select experiment_id, variant_key, metric, count from rollups where ${inArray(sql`metric`, metrics)}
        ${leadTotals}
      ) totals
      group by 1, 2, 3`,
  )
}

const TRANSITIONS: Record<ExperimentAction, { from: ExperimentStatus[]; to: ExperimentStatus }> = {
  start: { from: ['draft'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  stop: { from: ['running', 'paused'], to: 'concluded' },
}

/**
 * Runs `change` on the experiment row locked for update, then audits it and refreshes this process's page.
 * Inside `outer` (a caller's transaction, e.g. the auto-ship job's) it runs as a savepoint.
 */
async function changeExperiment(
  { workspaceId, id }: { workspaceId: string; id: string },
  change: (tx: Transaction, experiment: Experiment) => Promise<Failure | { set: Partial<typeof experiments.$inferInsert>; action: string; detail?: Record<string, unknown> }>,
  actor: ExperimentActor,
  outer?: Transaction,
): Promise<Result> {
  let slug: string | undefined
  try {
    const result = await (outer ?? db).transaction(async (tx): Promise<Result> => {
      const [current] = await tx
        .select()
        .from(experiments)
        .where(and(eq(experiments.id, id), eq(experiments.workspaceId, workspaceId)))
        .for('update')
      if (!current) return fail(404, 'id', 'No such experiment')
      const outcome = await change(tx, current)
      if ('ok' in outcome) return outcome
      const [updated] = await tx
        .update(experiments)
        .set({ ...outcome.set, updatedAt: new Date() })
        .where(eq(experiments.id, id))
        .returning()
      await audit(tx, current, outcome.action, actor, outcome.detail)
      const [page] = await tx.select({ slug: pages.slug }).from(pages).where(eq(pages.id, current.pageId))
      slug = page?.slug
      return { ok: true, experiment: updated! }
    })
    if (result.ok && slug) changed({ kind: 'experiment', pageSlug: slug })
    return result
  } catch (error) {
    if (isUniqueViolation(error)) return fail(409, 'status', 'Another experiment is already running (or paused) on this page: stop it first')
    throw error
  }
}

/** The published variants of the experiment's page; null when the page is not published. */
async function publishedVariantKeys(tx: Transaction, pageId: string) {
  const [row] = await tx
    .select({ content: pageVersions.content })
    .from(pages)
    .innerJoin(pageVersions, eq(pageVersions.id, pages.publishedVersionId))
    .where(and(eq(pages.id, pageId), isNull(pages.archivedAt)))
  return row ? row.content.variants.map((v) => v.key) : null
}

export function transitionExperiment({ workspaceId, id, action, actor }: { workspaceId: string; id: string; action: ExperimentAction; actor: ExperimentActor }) {
  return changeExperiment(
    { workspaceId, id },
    async (tx, experiment) => {
      const { from, to } = TRANSITIONS[action]
      if (!from.includes(experiment.status)) return fail(409, 'status', `Cannot ${action} an experiment that is ${experiment.status}`)
      if (action === 'start') {
        const published = await publishedVariantKeys(tx, experiment.pageId)
        if (!published) return fail(409, 'pageId', 'Publish the page before starting the experiment')
        const missing = experiment.variants.filter((v) => !published.includes(v.key)).map((v) => v.key)
        if (missing.length) return fail(409, 'variants', `Publish the page with variant${missing.length > 1 ? 's' : ''} ${missing.join(', ')} first`)
      }
      const now = new Date()
      return {
        action,
        set: { status: to, ...(action === 'start' ? { startedAt: now } : {}), ...(to === 'concluded' ? { concludedAt: now, winnerKey: null } : {}) },
      }
    },
    actor,
  )
}

/**
 * Concludes with `variantKey` as the winner: the page serves it to everyone from now on. The audit row records
 * the evidence the call rests on — `evidence` when the caller computed it (auto-ship), else the primary metric's
 * results read from the rollups in the same transaction — so a declaration by a member or an API key can be
 * reviewed later like auto-ship's, even one made against the statistics. `tx` runs it inside the caller's transaction.
 */
export function declareWinner({
  workspaceId,
  id,
  variantKey,
  actor,
  evidence,
  tx,
}: {
  workspaceId: string
  id: string
  variantKey: string
  actor: ExperimentActor
  evidence?: Record<string, unknown>
  tx?: Transaction
}) {
  return changeExperiment(
    { workspaceId, id },
    async (tx, experiment) => {
      if (!experiment.variants.some((v) => v.key === variantKey)) return fail(400, 'variantKey', `The experiment has no variant ${variantKey}`)
      if (experiment.status === 'draft') return fail(409, 'status', 'Start the experiment before declaring a winner')
      if (experiment.winnerKey) return fail(409, 'status', `Variant ${experiment.winnerKey} already won`)
      const recorded = evidence ?? (await evidenceNow(tx, experiment, variantKey))
      return { action: 'winner', set: { status: 'concluded', winnerKey: variantKey, concludedAt: experiment.concludedAt ?? new Date() }, detail: { variantKey, evidence: recorded } }
    },
    actor,
    tx,
  )
}

/**
 * The primary metric's results for the declared variant, from the rollups as they stand in `tx`, with the quality
 * guardrail's verdict on it (results/guardrail.ts): a member may declare a winner the guardrail would hold back,
 * and the record then says so, as auto-ship's does.
 */
async function evidenceNow(tx: Transaction, experiment: Experiment, variantKey: string) {
  const [totals, leadStages] = await Promise.all([
    countVariantTotals({ experimentIds: [experiment.id], metrics: ['', 'hard', metricKey(experiment.primaryMetric)], executor: tx }),
    readLeadStages({ experimentId: experiment.id, executor: tx }),
  ])
  const total = (key: string, metric: string) => Number(totals.find((t) => t.variantKey === key && t.metric === metric)?.count ?? 0)
  const keys = experiment.variants.map((v) => v.key)
  const guardrail = checkQualityGuardrail(experiment, variantKey, collectGuardrailCounts(keys, total, leadStages))
  return { ...winnerEvidence(analyzePrimaryMetric(experiment, total), variantKey), guardrail }
}

/** Coverage may rise while running (only adding visitors); lowering it would drop counted visitors, so not then. */
export function updateCoverage({ workspaceId, id, coverage, actor }: { workspaceId: string; id: string; coverage: number; actor: ExperimentActor }) {
  return changeExperiment(
    { workspaceId, id },
    async (_tx, experiment) => {
      if (experiment.status === 'concluded') return fail(409, 'coverage', 'The experiment is concluded')
      if (experiment.status !== 'draft' && coverage < experiment.coverage)
        return fail(409, 'coverage', `Coverage can only rise while the experiment runs (it is ${experiment.coverage}); lowering it would drop visitors already counted`)
      return { action: 'coverage', set: { coverage }, detail: { from: experiment.coverage, to: coverage } }
    },
    actor,
  )
}

/**
 * How long lead metrics wait for a visitor's lead (decision 060): an analysis setting, so it may change while the
 * experiment runs (audited, like every change), but not once it is concluded, when its evidence is on record.
 */
export function updateMaturity({ workspaceId, id, maturityDays, actor }: { workspaceId: string; id: string; maturityDays: number; actor: ExperimentActor }) {
  return changeExperiment(
    { workspaceId, id },
    async (_tx, experiment) => {
      if (experiment.status === 'concluded') return fail(409, 'maturityDays', 'The experiment is concluded')
      return { action: 'maturity', set: { maturityDays }, detail: { from: experiment.maturityDays, to: maturityDays } }
    },
    actor,
  )
}
