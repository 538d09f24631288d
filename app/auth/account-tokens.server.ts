import { randomBytes } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { hashToken } from '#app/auth/token-hash'
import { db, type Database, type Transaction } from '#app/db.server'
import { accountTokens, type AccountTokenPurpose } from '#db/schema'

// One-time links mailed to an account's own address: a password reset, an email verification. The token is 32
// random bytes in the link; the table keeps only its hash. It works once and until it expires: a reset link for an
// hour (the issue's figure: a mailbox read later by someone else should hold nothing that works), a verification
// link for a day (it only proves the address, and a new account may read its mail tomorrow).

export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  'password-reset': 60 * 60 * 1000,
  'email-verification': 24 * 60 * 60 * 1000,
}

export type TokenState = 'valid' | 'expired' | 'used' | 'unknown'

/** Stores a new token's hash for the user, in the caller's transaction (the one that queues its mail). */
export async function issueAccountToken(tx: Database | Transaction, { userId, purpose, now = new Date() }: { userId: string; purpose: AccountTokenPurpose; now?: Date }) {
  const token = randomBytes(32).toString('base64url')
  await tx.insert(accountTokens).values({ userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]), createdAt: now })
  return token
}

/** What a link's token is now, without using it: what the page behind the link shows before anything is posted. */
export async function checkAccountToken({ token, purpose, now = new Date() }: { token: string; purpose: AccountTokenPurpose; now?: Date }, tx: Database | Transaction = db): Promise<TokenState> {
  const [row] = await tx
    .select({ expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose)))
  if (!row) return 'unknown'
  if (row.usedAt) return 'used'
  return row.expiresAt.getTime() > now.getTime() ? 'valid' : 'expired'
}

/**
 * Uses the token up, in the caller's transaction: one UPDATE that only an unused, unexpired token matches, so two
 * concurrent uses cannot both succeed. Returns its user, or why it did not work.
 */
export async function consumeAccountToken(
  tx: Database | Transaction,
  { token, purpose, now = new Date() }: { token: string; purpose: AccountTokenPurpose; now?: Date },
): Promise<{ ok: true; userId: string } | { ok: false; state: Exclude<TokenState, 'valid'> }> {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .returning({ userId: accountTokens.userId })
  if (row) return { ok: true, userId: row.userId }
  // Through tx: on PGlite (one connection) a query on `db` would wait for this transaction forever.
  const state = await checkAccountToken({ token, purpose, now }, tx)
  // 'valid' here means another request used it between the two statements: for this one it is used.
  return { ok: false, state: state === 'valid' ? 'used' : state }
}

/** Ends the user's other open tokens of this purpose: after a reset, older reset mails in the inbox stop working. */
export async function retireAccountTokens(tx: Database | Transaction, { userId, purpose, now = new Date() }: { userId: string; purpose: AccountTokenPurpose; now?: Date }) {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)))
}
