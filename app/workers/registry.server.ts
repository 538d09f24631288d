import { createLeadDigestWorker } from '#app/alerts/digest.server'
import { createExperimentAlertWorker } from '#app/experiments/alerts.server'
import { createAutoShipWorker } from '#app/experiments/auto-ship.server'
import { createRollupFollower } from '#app/kpis/rollup-queue.server'
import { createMailWorker } from '#app/mail/outbox.server'
import { createWebhookWorker } from '#app/webhooks/outbox.server'
import { createMaintenanceWorker } from '#app/workers/maintenance.server'
import type { PeriodicWorker } from '#app/workers/periodic'

// Everything an app process runs in the background, in one list (docs/background-work.md). Every process runs
// all of them: each is safe beside the same worker in another process.
function createWorkers(): PeriodicWorker[] {
  return [
    // Due webhook deliveries, every ~2 s (claimed FOR UPDATE SKIP LOCKED).
    createWebhookWorker(),
    // Due mail (and lead alerts' chat posts), every ~2 s and at once when this process queues some.
    createMailWorker(),
    // The KPI and experiment rollups, a batch of each queue about every second, paced by the process's load.
    createRollupFollower(),
    // Experiments that may ship themselves and have a winner, every minute (locked FOR UPDATE SKIP LOCKED).
    createAutoShipWorker(),
    // Experiment alerts (SRM, a winner called, no traffic for 24 h, minimum runtime), every 5 minutes, each once.
    createExperimentAlertWorker(),
    // Each form's daily digest of cold leads, once per local day, looked for every 15 minutes (dedupe key per day).
    createLeadDigestWorker(),
    // Expired sessions, rate-limit windows and old webhook deliveries, hourly.
    createMaintenanceWorker(),
  ]
}

let running: PeriodicWorker[] = []

/** Called by startServices once the database is migrated. */
export function startWorkers() {
  if (running.length > 0) return
  running = createWorkers()
  for (const worker of running) worker.start()
}

/**
 * Called by stopServices before the database closes: no worker starts another round, and each round in flight
 * gets until `deadline` to finish. Returns the names of the workers whose round was still running then.
 */
export async function stopWorkers({ deadline }: { deadline: number }) {
  const stopping = running
  running = []
  const stopped = await Promise.all(stopping.map((worker) => worker.stop({ deadline })))
  return stopping.filter((_, i) => !stopped[i]).map((worker) => worker.name)
}
