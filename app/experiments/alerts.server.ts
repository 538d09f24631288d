import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { db, type Database, type Transaction } from '#app/db.server'
import { countVariantTotals } from '#app/experiments/experiment.server'
import { analyzePrimaryMetric } from '#app/experiments/results/compute'
import { metricKey } from '#app/experiments/schema'
import { enqueueMail, mailQueued } from '#app/mail/outbox.server'
import type { ExperimentAlertEvent } from '#app/mail/templates/experiment-alert'
import { addDaysAt, DAY_MS } from '#app/time/days'
import { createPeriodicWorker } from '#app/workers/periodic'
import { experimentAlerts, experiments, experimentWatchers, exposures, users, workspaces, type Experiment } from '#db/schema'

// Experiment alerts (docs/email.md "Experiment alerts"): to the experiment's creator and its watchers, by email,
// once per experiment and event: experiment_alerts' primary key (experiment, event) is the once, so the detector
// may run as often as it likes, in every process. Auto-ship raises `auto_shipped` in its own transaction; this
// file's worker looks for the rest every 5 minutes: SRM and a winner called (read as the results page reads
// them), no exposure for 24 h, and the minimum runtime reached. Each event is also posted once to the
// workspace's chat webhook when it has one (`workspaces.alerts`, decision 088), through the same outbox.

const EVERY_MS = 5 * 60 * 1000

type AlertExperiment = Pick<Experiment, 'id' | 'workspaceId' | 'name' | 'createdBy'>

/** Records the event and queues its chat post and its mail to the creator and each watcher; false when raised before. */
export async function raiseExperimentAlert(
  tx: Database | Transaction,
  { experiment, event, variantKey = null, now = new Date() }: { experiment: AlertExperiment; event: ExperimentAlertEvent; variantKey?: string | null; now?: Date },
) {
  const [raised] = await tx
    .insert(experimentAlerts)
    .values({ experimentId: experiment.id, event, detail: variantKey ? { variantKey } : {}, detectedAt: now })
    .onConflictDoNothing()
    .returning({ event: experimentAlerts.event })
  if (!raised) return false
  const data = { event, experimentId: experiment.id, experimentName: experiment.name, variantKey }
  const [workspace] = await tx.select({ alerts: workspaces.alerts }).from(workspaces).where(eq(workspaces.id, experiment.workspaceId))
  const chatWebhookUrl = workspace?.alerts.chatWebhookUrl
  if (chatWebhookUrl) {
    const dedupeKey = `experiment-alert-chat:${experiment.id}:${event}`
    await enqueueMail(tx, { workspaceId: experiment.workspaceId, to: [chatWebhookUrl], template: 'experiment-alert-chat', data, kind: 'experiment-alert', dedupeKey, now })
  }
  for (const { id, email } of await alertRecipients(tx, experiment)) {
    await enqueueMail(tx, {
      workspaceId: experiment.workspaceId,
      to: [email],
      template: 'experiment-alert',
      data,
      kind: 'experiment-alert',
      dedupeKey: `experiment-alert:${experiment.id}:${event}:${id}`,
      now,
    })
  }
  return true
}

async function alertRecipients(tx: Database | Transaction, experiment: AlertExperiment) {
  const watchers = tx.select({ userId: experimentWatchers.userId }).from(experimentWatchers).where(eq(experimentWatchers.experimentId, experiment.id))
  return tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(experiment.createdBy ? sql`${users.id} = ${experiment.createdBy} or ${users.id} in ${watchers}` : inArray(users.id, watchers))
}

/** One look at every running experiment; returns the alerts raised (each at most once, ever). */
export async function detectExperimentAlerts(now = new Date(), { workspaceId }: { workspaceId?: string } = {}) {
  const raised: { experimentId: string; event: ExperimentAlertEvent }[] = []
  // With the workspace's zone: the minimum runtime ends on its calendar, as the results page says (decision 087).
  const rows = await db
    .select({ experiment: experiments, timeZone: workspaces.timezone })
    .from(experiments)
    .innerJoin(workspaces, eq(workspaces.id, experiments.workspaceId))
    .where(and(eq(experiments.status, 'running'), isNotNull(experiments.startedAt), workspaceId ? eq(experiments.workspaceId, workspaceId) : undefined))
  if (!rows.length) return raised
  const running = rows.map((r) => r.experiment)
  const zones = new Map(rows.map((r) => [r.experiment.id, r.timeZone]))
  const metrics = ['', ...new Set(running.map((e) => metricKey(e.primaryMetric)))]
  const totals = await countVariantTotals({ experimentIds: running.map((e) => e.id), metrics, now })
  for (const e of running) {
    const count = (key: string, metric: string) => Number(totals.find((t) => t.experimentId === e.id && t.variantKey === key && t.metric === metric)?.count ?? 0)
    const analysis = analyzePrimaryMetric(e, count)
    const events: { event: ExperimentAlertEvent; variantKey?: string | null }[] = []
    if (analysis.srm.detected) events.push({ event: 'srm' })
    if (analysis.decision.status === 'winner') events.push({ event: 'winner_called', variantKey: analysis.decision.variant ?? null })
    if (addDaysAt(e.startedAt!, e.minRuntimeDays, zones.get(e.id)).getTime() <= now.getTime()) events.push({ event: 'min_runtime' })
    // No traffic is a span (24 hours without an exposure), not a calendar day.
    const runningMs = now.getTime() - e.startedAt!.getTime()
    if (runningMs >= DAY_MS && !(await hasRecentExposure(e.id, now))) events.push({ event: 'no_traffic' })
    for (const { event, variantKey } of events) {
      const isNew = await db.transaction((tx) => raiseExperimentAlert(tx, { experiment: e, event, variantKey, now }))
      if (isNew) raised.push({ experimentId: e.id, event })
    }
  }
  if (raised.length) mailQueued()
  return raised
}

async function hasRecentExposure(experimentId: string, now: Date) {
  const since = new Date(now.getTime() - DAY_MS)
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(exposures)
    .where(and(eq(exposures.experimentId, experimentId), sql`${exposures.exposedAt} > ${since.toISOString()}::timestamptz`, sql`${exposures.exposedAt} <= ${now.toISOString()}::timestamptz`))
    .limit(1)
  return Boolean(row)
}

/** Every process runs it (app/workers/registry.server.ts); experiment_alerts' key keeps each alert single. */
export function createExperimentAlertWorker() {
  return createPeriodicWorker({
    name: 'experiment alerts',
    everyMs: EVERY_MS,
    async run() {
      for (const r of await detectExperimentAlerts()) console.log(`[experiment alerts] experiment ${r.experimentId}: ${r.event}`)
    },
  })
}

/** The watch toggle on the experiment page. */
export async function setWatching({ experimentId, userId, isWatching }: { experimentId: string; userId: string; isWatching: boolean }) {
  if (isWatching) await db.insert(experimentWatchers).values({ experimentId, userId }).onConflictDoNothing()
  else await db.delete(experimentWatchers).where(and(eq(experimentWatchers.experimentId, experimentId), eq(experimentWatchers.userId, userId)))
}

export async function isWatching({ experimentId, userId }: { experimentId: string; userId: string }) {
  const [row] = await db
    .select({ userId: experimentWatchers.userId })
    .from(experimentWatchers)
    .where(and(eq(experimentWatchers.experimentId, experimentId), eq(experimentWatchers.userId, userId)))
  return Boolean(row)
}
