import { and, eq, isNotNull, sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { countVariantTotals, declareWinner } from '#app/experiments/experiment.server'
import { analyzePrimaryMetric } from '#app/experiments/results/compute'
import { winnerEvidence } from '#app/experiments/results/evidence'
import { metricKey } from '#app/experiments/schema'
import { changed } from '#app/changes/signal'
import { createPeriodicWorker } from '#app/workers/periodic'
import { experiments, pages } from '#db/schema'

// Auto-ship: every minute, in every app process, running experiments that allow it and are past their minimum
// runtime are read like the results page reads them (primary metric, rollup totals, analyzeExperiment); a
// `winner` is declared through declareWinner, audited with the auto-ship rule as the actor and the evidence.
// The candidates are locked FOR UPDATE SKIP LOCKED in one transaction, so two processes never ship the same
// experiment: the second skips rows the first holds, and once the first commits they are no longer running.

const EVERY_MS = 60 * 1000
const AUTO_ACTOR = { userId: null, actor: 'auto' as const }

export type Shipped = { experimentId: string; variantKey: string }

export async function runAutoShip(now = new Date()): Promise<Shipped[]> {
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
          sql`${experiments.startedAt} + ${experiments.minRuntimeDays} * interval '24 hours' <= ${now.toISOString()}::timestamptz`,
        ),
      )
      .for('update', { skipLocked: true })
    if (!candidates.length) return
    const metrics = ['', ...new Set(candidates.map((e) => metricKey(e.primaryMetric)))]
    const totals = await countVariantTotals({ experimentIds: candidates.map((e) => e.id), metrics, executor: tx })
    for (const e of candidates) {
      const count = (key: string, metric: string) => Number(totals.find((t) => t.experimentId === e.id && t.variantKey === key && t.metric === metric)?.count ?? 0)
      const analysis = analyzePrimaryMetric(e, count)
      const { decision } = analysis
      if (decision.status !== 'winner' || !decision.variant) continue
      const evidence = winnerEvidence(analysis, decision.variant)
      const result = await declareWinner({ workspaceId: e.workspaceId, id: e.id, variantKey: decision.variant, actor: AUTO_ACTOR, evidence, tx })
      if (!result.ok) continue
      const [page] = await tx.select({ slug: pages.slug }).from(pages).where(eq(pages.id, e.pageId))
      shipped.push({ experimentId: e.id, variantKey: decision.variant, slug: page?.slug ?? '' })
    }
  })
  // After the commit: this process serves the winner at once (others within a second).
  for (const s of shipped) if (s.slug) changed({ kind: 'experiment', pageSlug: s.slug })
  return shipped.map(({ experimentId, variantKey }) => ({ experimentId, variantKey }))
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
