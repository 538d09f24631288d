// When a failed delivery is tried again. Pure, so the schedule docs/webhooks.md promises is the one tested.
//
// The delay after failed attempt n is 30 s · 2^(n-1), capped at 6 h, plus up to 25 % jitter (so endpoints that
// failed together do not all come back at the same second). Jitter only ever lengthens a delay, so the nominal
// schedule is a lower bound: a delivery is given up only once the nominal delays since its first attempt add up to
// at least 24 h, which no clock, jitter or worker downtime can shorten.

const FIRST_DELAY_MS = 30_000
const MAX_DELAY_MS = 6 * 3600_000
const JITTER = 0.25
export const RETRY_WINDOW_MS = 24 * 3600_000

/** The delay before the next try, without jitter: 30 s, 1 m, 2 m, … 6 h, 6 h, … */
export function nominalRetryDelayMs(failedAttempts: number) {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, failedAttempts - 1), MAX_DELAY_MS)
}

/** `random` is in [0, 1): Math.random in production, fixed in tests. */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random) {
  return Math.round(nominalRetryDelayMs(failedAttempts) * (1 + JITTER * random()))
}

/** Attempts a delivery gets (14): the last comes ≥ 24 h after the first. */
export const MAX_ATTEMPTS = (() => {
  let attempts = 1
  for (let elapsed = 0; elapsed < RETRY_WINDOW_MS; attempts++) elapsed += nominalRetryDelayMs(attempts)
  return attempts
})()
