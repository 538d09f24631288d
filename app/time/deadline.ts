/**
 * Whether `work` (which never rejects) settles by `deadline` (epoch ms): true when it does, false once the deadline
 * passes first. The work itself goes on; a shutdown uses the answer to say what it had to leave unfinished. Used by
 * the event batch writer's close and the periodic workers' stop.
 */
export async function settlesBy(work: Promise<void>, deadline: number): Promise<boolean> {
  if (deadline === Infinity) return work.then(() => true)
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))))
  try {
    return await Promise.race([work.then(() => true as const), expired])
  } finally {
    clearTimeout(timer)
  }
}
