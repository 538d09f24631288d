import { and, desc, eq, isNotNull, sql } from 'drizzle-orm'
import { db, type Transaction } from '#app/db.server'
import { raiseExperimentAlert } from '#app/experiments/alerts.server'
import { countVariantTotals, declareWinner } from '#app/experiments/experiment.server'
import { analyzePrimaryMetric } from '#app/experiments/results/compute'
import { winnerEvidence } from '#app/experiments/results/evidence'
import { checkQualityGuardrail, collectGuardrailCounts, describeGuardrail, type GuardrailVerdict } from '#app/experiments/results/guardrail'
import { readLeadStages } from '#app/experiments/results/lead-stages.server'
import { metricKey } from '#app/experiments/schema'
import { changed } from '#app/changes/signal'
import { mailQueued } from '#app/mail/outbox.server'
import { createPeriodicWorker } from '#app/workers/periodic'
import { experimentEvents, experiments, pages, workspaces, type Experiment } from '#db/schema'

// Auto-ship: every minute, in every app process, running experiments that allow it and are past their minimum
// runtime are read like the results page reads them (primary metric, rollup totals, analyzeExperiment); a
// `winner` is declared through declareWinner, audited with the auto-ship rule as the actor and the evidence.
// The quality guardrail (results/guardrail.ts) comes first: a winner whose hard-conversion rate or SQL rate is
// significantly worse than the control's is not shipped; the experiment keeps running and the hold is audited
// once (`auto_ship_held`), not every minute. Either way its evidence goes into the record.
// The candidates are locked FOR UPDATE SKIP LOCKED in one transaction, so two processes never ship the same
// experiment: the second skips rows the first holds, and once the first commits they are no longer running.

const EVERY_MS = 60 * 1000
const AUTO_ACTOR = { userId: null, actor: 'auto' as const }
/** The audit action of a winner the quality guardrail kept from shipping. */
export const HELD = 'auto_ship_held'

export type Shipped = { experimentId: string; variantKey: string }

export async function runAutoShip(now = new Date()): Promise<Shipped[]> {
  const zone = sql`(select ${workspaces.timezone} from ${workspaces} where ${workspaces.id} = ${experiments.workspaceId})`
  const shipped: (Shipped & { slug: string })[] = []
  await db.transaction(async (tx) => {
    const candidates = await tx
      .select()
      .from(experiments)
      .where(
        and(
          eq(experiments.status, 'running'),
          eq(experiments.autoShip, true),
          isNotNull(experiments.startedAt),
          // The minimum runtime on the workspace's calendar, as the results page shows it (decision 087, addDaysAt).
          sql`(${experiments.startedAt} at time zone ${zone} + ${experiments.minRuntimeDays} * interval '1 day') at time zone ${zone} <= ${now.toISOString()}::timestamptz`,
        ),
      )
      .for('update', { skipLocked: true })
    if (!candidates.length) return
    const metrics = ['', 'hard', ...new Set(candidates.map((e) => metricKey(e.primaryMetric)))]
    const totals = await countVariantTotals({ experimentIds: candidates.map((e) => e.id), metrics, executor: tx })
    for (const e of candidates) {
      const count = (key: string, metric: string) => Number(totals.find((t) => t.experimentId === e.id && t.variantKey === key && t.metric === metric)?.count ?? 0)
      const analysis = analyzePrimaryMetric(e, count)
      const { decision } = analysis
      if (decision.status !== 'winner' || !decision.variant) continue
      const leadStages = await readLeadStages({ experimentId: e.id, executor: tx })
      const guardrail = checkQualityGuardrail(
        e,
        decision.variant,
        collectGuardrailCounts(
          e.variants.map((v) => v.key),
          count,
          leadStages,
        ),
      )
      const evidence = { ...winnerEvidence(analysis, decision.variant), guardrail }
      if (guardrail.verdict === 'blocked') {
        await recordHold(tx, e, evidence)
        continue
      }
      const result = await declareWinner({ workspaceId: e.workspaceId, id: e.id, variantKey: decision.variant, actor: AUTO_ACTOR, evidence, tx })
      if (!result.ok) continue
      // In the ship's transaction: the alert exists if and only if the winner was shipped.
      await raiseExperimentAlert(tx, { experiment: e, event: 'auto_shipped', variantKey: decision.variant, now })
      const [page] = await tx.select({ slug: pages.slug }).from(pages).where(eq(pages.id, e.pageId))
      shipped.push({ experimentId: e.id, variantKey: decision.variant, slug: page?.slug ?? '' })
    }
  })
  // After the commit: this process serves the winner at once (others within a second).
  for (const s of shipped) if (s.slug) changed({ kind: 'experiment', pageSlug: s.slug })
  if (shipped.length) mailQueued()
  return shipped.map(({ experimentId, variantKey }) => ({ experimentId, variantKey }))
}

/**
 * Audits a hold unless the experiment's latest event is already this hold (same variant, same failing checks):
 * auto-ship looks every minute, the history should say it once.
 */
async function recordHold(tx: Transaction, e: Pick<Experiment, 'id' | 'workspaceId'>, evidence: { guardrail: GuardrailVerdict }) {
  const { guardrail } = evidence
  const failing = guardrail.checks.filter((c) => c.isWorse).map((c) => c.check)
  const [latest] = await tx
    .select({ action: experimentEvents.action, detail: experimentEvents.detail })
    .from(experimentEvents)
    .where(eq(experimentEvents.experimentId, e.id))
    .orderBy(desc(experimentEvents.createdAt))
    .limit(1)
  const previous = latest?.action === HELD ? (latest.detail as { variantKey?: string; failing?: string[] }) : null
  if (previous && previous.variantKey === guardrail.variantKey && String(previous.failing) === String(failing)) return
  await tx
    .insert(experimentEvents)
    .values({ experimentId: e.id, workspaceId: e.workspaceId, action: HELD, detail: { variantKey: guardrail.variantKey, failing, evidence }, userId: null, actor: 'auto' })
  console.log(`[auto-ship] experiment ${e.id}: held ${guardrail.variantKey} back. ${describeGuardrail(guardrail)}`)
}

/** Every process runs it (app/workers/registry.server.ts), once a minute; the row locks keep each experiment's ship single. */
export function createAutoShipWorker() {
  return createPeriodicWorker({
    name: 'auto-ship',
    everyMs: EVERY_MS,
    async run() {
      for (const s of await runAutoShip()) console.log(`[auto-ship] experiment ${s.experimentId}: declared ${s.variantKey} the winner`)
    },
  })
}
