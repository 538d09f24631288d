// Whether a failed database write is worth trying again as it is. Transient: the database is away, restarting,
// refusing connections, out of a resource, or rolled the statement back for a conflict; the same rows will go in
// once it is back. Anything else (a constraint, bad data, a bug in the statement) fails the same way every time.

// SQLSTATE classes: 08 connection exception, 40 transaction rollback (serialization, deadlock), 53 insufficient
// resources (too many connections, disk full), 57 operator intervention (admin shutdown, crash shutdown, cannot
// connect now, query cancelled), 58 system error (I/O).
const TRANSIENT_SQLSTATE_CLASSES = new Set(['08', '40', '53', '57', '58'])
// postgres.js's own connection errors, and the socket's.
const TRANSIENT_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

type ErrorLike = { code?: unknown; cause?: unknown }

/** True when `error`, or an error it wraps (drizzle wraps the driver's as `cause`), says the database is away or busy. */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let e = error as ErrorLike | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as ErrorLike, depth++) {
    const code = typeof e.code === 'string' ? e.code : ''
    if (TRANSIENT_CODES.has(code)) return true
    if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.has(code.slice(0, 2))) return true
  }
  return false
}
