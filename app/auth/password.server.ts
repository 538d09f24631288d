import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { createHashGate } from '#app/auth/hash-gate'
import { getEnv } from '#app/env.server'

// scrypt from Node's own crypto (docs/decisions/006-password-hashing-scrypt.md): OWASP's setting N=2^17, r=8, p=1 (~360 ms here).
// Tests use a cheaper N (vitest sets NODE_ENV=test; the e2e server, a production build, sets TEST_PASSWORD_HASH=cheap);
// the parameters travel inside each hash, so verification reads them from there.
const LOG_N = process.env.NODE_ENV === 'test' || process.env.TEST_PASSWORD_HASH === 'cheap' ? 12 : 17
const R = 8
const P = 1
const KEY_LENGTH = 64

// Hashes run through a gate (app/auth/hash-gate.ts): by default one fewer than the cores, at most 4, so a
// login flood leaves a core to everything else; up to 8 per hash slot wait (about 3 s), beyond that the
// caller gets HashBusyError and answers 503 with Retry-After.
let gate: ReturnType<typeof createHashGate> | undefined
function getHashGate() {
  const concurrency = getEnv().PASSWORD_HASH_CONCURRENCY ?? Math.max(1, Math.min(4, availableParallelism() - 1))
  gate ??= createHashGate({ concurrency, maxQueue: 8 * concurrency, expectedTaskMs: 400 })
  return gate
}

function deriveKey(password: string, salt: Buffer, logN: number, r: number, p: number) {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 1024 * 1024 }
  return getHashGate().run(() => new Promise<Buffer>((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)))))
}

/** Returns `scrypt$logN$r$p$salt$key` (base64url parts). */
export async function hashPassword(password: string) {
  const salt = randomBytes(16)
  const key = await deriveKey(password, salt, LOG_N, R, P)
  return ['scrypt', LOG_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string) {
  const [scheme, logN, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await deriveKey(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

// Verifying against this when the account does not exist keeps the response time the same,
// so login timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined
export function getDummyHash() {
  // Not cached when it fails (a busy gate): the next login makes it again.
  dummyHash ??= hashPassword(randomBytes(12).toString('hex')).catch((error: unknown) => {
    dummyHash = undefined
    throw error
  })
  return dummyHash
}
