// Which counters a login attempt is held to. Only failed attempts count (a correct login gives its place back),
// so people who log in often, or share the demo account, are never locked out by succeeding. Design, and
// what it does not stop: docs/security-and-reliability/auth.md.
//
// - A browser that logged into this account before (a signed device cookie, app/auth/device-cookie.server.ts)
//   is held only to its own counter. A stranger's guesses, from anywhere, cannot lock the owner out of a
//   browser they used before, even behind the same address.
// - Any other attempt is held to three counters:
//   · account + address: one machine guessing one account;
//   · address: one machine guessing many accounts (spraying from one place);
//   · everyone: failed logins across the whole service, whatever the account or address, so that guesses
//     spread over many accounts from rotating addresses stop at a budget instead of all going through.
//     Past it, unfamiliar browsers wait for the window to end; browsers known to the account still log in.

export type ThrottleCounter = { key: string; limit: number; windowSeconds: number; scope: 'account' | 'address' | 'service' | 'device' }

export const LOGIN_LIMITS = {
  accountAddress: { limit: 10, windowSeconds: 15 * 60 },
  address: { limit: 30, windowSeconds: 15 * 60 },
  service: { limit: 100, windowSeconds: 5 * 60 },
  device: { limit: 10, windowSeconds: 15 * 60 },
} as const

export function loginCounters({ email, ip, deviceId }: { email: string; ip: string; deviceId: string | null }): ThrottleCounter[] {
  if (deviceId) return [{ key: `login:device:${deviceId}`, ...LOGIN_LIMITS.device, scope: 'device' }]
  return [
    { key: `login:account-address:${email}|${ip}`, ...LOGIN_LIMITS.accountAddress, scope: 'account' },
    { key: `login:address:${ip}`, ...LOGIN_LIMITS.address, scope: 'address' },
    { key: 'login:service', ...LOGIN_LIMITS.service, scope: 'service' },
  ]
}

export type CounterReading = { count: number; resets_in: number }

/** The counter that refuses this attempt (the one that frees up last), or null when every one has room. */
export function refusingCounter(counters: ThrottleCounter[], readings: CounterReading[]) {
  let refusal: { counter: ThrottleCounter; retryAfterSeconds: number } | null = null
  counters.forEach((counter, i) => {
    const reading = readings[i]
    if (!reading || Number(reading.count) <= counter.limit) return
    const retryAfterSeconds = Math.max(1, Number(reading.resets_in))
    if (!refusal || retryAfterSeconds > refusal.retryAfterSeconds) refusal = { counter, retryAfterSeconds }
  })
  return refusal as { counter: ThrottleCounter; retryAfterSeconds: number } | null
}

/** What a refused person reads: what happened, when to retry, and what else works. */
export function refusalMessage(scope: ThrottleCounter['scope'], retryAfterSeconds: number) {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`
  if (scope === 'service') {
    return `Too many failed logins on this service right now. Try again in ${wait}, or from a browser you have logged in with before.`
  }
  return `Too many failed login attempts. Try again in ${wait}.`
}
