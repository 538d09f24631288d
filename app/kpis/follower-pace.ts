// How the rollup follower (app/kpis/rollup-queue.server.ts) paces itself: it must keep the dashboard a few seconds
// behind live traffic, but never at the expense of serving pages.

export const EVERY_MS = 1000
/** After a batch, wait this many times as long as it took: at most about 1 / (1 + PACE) of a connection's time. */
const PACE = 2
/**
 * While this process's event loop is busy serving (utilization above BUSY since the last batch), the rollups yield
 * further, to about a ninth: they compete with the pages for the CPU (PostgreSQL's, when it shares the machine,
 * and the loop's own). Measured on the experiments bench: PostgreSQL's CPU per page request fell from ~20 to
 * ~13 µs, and with the follower off altogether the pages' p99 was ~9 instead of ~11 ms.
 */
const BUSY_PACE = 8
const BUSY = 0.75

/** How long the follower waits before its next batch, after one that counted `counted` views in `tookMs`. */
export function followerPause({ counted, batchSize, tookMs, loopUtilization, everyMs = EVERY_MS }: { counted: number; batchSize: number; tookMs: number; loopUtilization: number; everyMs?: number }) {
  const paced = (loopUtilization > BUSY ? BUSY_PACE : PACE) * tookMs
  // A full batch: more is probably queued; go on after the paced pause. Otherwise the next tick.
  return counted >= batchSize ? paced : Math.max(everyMs, paced)
}
