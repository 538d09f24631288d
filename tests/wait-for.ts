/**
 * Polls `check` until it returns a value (anything but undefined), every `intervalMs`. On timeout the error says
 * what the last check saw, for CI logs. Tests wait for what they need this way, never for a fixed time.
 */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000, { intervalMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    const value = await Promise.resolve()
      .then(check)
      .catch((error: unknown) => {
        last = error
        return undefined
      })
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting; the last check ${last === undefined ? 'returned nothing' : `threw ${describeError(last)}`}`)
    last = undefined
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/** An error's message with its cause (fetch puts the reason, e.g. ECONNREFUSED, there). */
const describeError = (error: unknown) => (error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}` : String(error))
