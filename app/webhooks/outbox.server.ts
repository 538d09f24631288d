import { randomUUID } from 'node:crypto'
import { and, arrayOverlaps, asc, eq, inArray, lt, lte } from 'drizzle-orm'
import { db, type Database, type Transaction } from '#app/db.server'
import { allowsPrivateWebhookTargets } from '#app/env.server'
import { createPeriodicWorker } from '#app/workers/periodic'
import { webhookDeliveries, webhooks, type WebhookEvent } from '#db/schema'
import { MAX_ATTEMPTS, retryDelayMs } from './retry'
import { signWebhook, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from './signature'
import { postToTarget, resolveWebhookTarget, type Resolver } from './target.server'

// Webhooks leave through an outbox: the submission's own transaction writes one webhook_deliveries row per
// (event × subscribed webhook), so an event is sent if and only if its submission committed. A worker in every
// app process then claims due rows (FOR UPDATE SKIP LOCKED keeps two processes off the same row), sends them
// outside any transaction, and records the outcome. Delivery is at least once: receivers dedupe on the body's id.

export const TEST_EVENT = 'webhook.test'
const USER_AGENT = 'Splitform-Webhooks/1'
const TIMEOUT_MS = 10_000
// A claimed row is due again after this, so a process that dies mid-send only delays its deliveries.
export const LEASE_MS = 2 * 60_000
const MAX_ERROR_LENGTH = 500
const DELIVERIES_PER_ROUND = 20

export type WebhookEventInput = { type: WebhookEvent; data: Record<string, unknown> }

/** The exact JSON a receiver gets. `id` is the event's: every webhook and every retry sees the same one. */
export function buildEnvelope({ type, workspaceId, data, createdAt }: { type: string; workspaceId: string; data: unknown; createdAt: Date }) {
  return JSON.stringify({ id: randomUUID(), type, createdAt: createdAt.toISOString(), workspaceId, data })
}

/**
 * Queues `events` for every active webhook of the workspace subscribed to them. Call it inside the transaction
 * that writes what the events describe, passing that transaction. With no matching webhook this is one indexed
 * SELECT; otherwise one SELECT and one multi-row INSERT. Returns how many deliveries were queued.
 */
export async function enqueueWebhookEvents(tx: Database | Transaction, { workspaceId, events, now = new Date() }: { workspaceId: string; events: WebhookEventInput[]; now?: Date }) {
  if (events.length === 0) return 0
  const subscribed = await tx
    .select({ id: webhooks.id, events: webhooks.events })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.workspaceId, workspaceId),
        eq(webhooks.active, true),
        arrayOverlaps(
          webhooks.events,
          events.map((e) => e.type),
        ),
      ),
    )
  if (subscribed.length === 0) return 0
  const rows = events.flatMap((event) => {
    const body = buildEnvelope({ type: event.type, workspaceId, data: event.data, createdAt: now })
    // Due from `now` by this process's clock, the same clock the worker compares with (the database's
    // now() carries microseconds a JavaScript Date cannot, which made "due now" flaky).
    return subscribed.filter((hook) => hook.events.includes(event.type)).map((hook) => ({ workspaceId, webhookId: hook.id, event: event.type, body, nextAttemptAt: now }))
  })
  await tx.insert(webhookDeliveries).values(rows)
  return rows.length
}

export type DeliverOptions = {
  /** The worker's clock; tests move it forward to simulate retries. */
  now?: Date
  limit?: number
  /** How target names are resolved (system DNS by default); tests inject one to need no DNS. */
  resolve?: Resolver
  timeoutMs?: number
  allowPrivateTargets?: boolean
  /** Only this workspace's deliveries: tests share their database with other test files. */
  workspaceId?: string
  random?: () => number
}

type Claimed = { id: string; body: string; attempts: number; url: string; secret: string; isActive: boolean }
type Outcome = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string }

/** One round: claims up to `limit` due deliveries, sends them concurrently and records each outcome. */
export async function deliverDueWebhooks({
  now = new Date(),
  limit = DELIVERIES_PER_ROUND,
  resolve,
  timeoutMs = TIMEOUT_MS,
  allowPrivateTargets = allowsPrivateWebhookTargets(),
  workspaceId,
  random = Math.random,
}: DeliverOptions = {}) {
  const startedAt = Date.now()
  const clock = () => new Date(now.getTime() + (Date.now() - startedAt)) // `now`, advancing in real time
  const claimed = await claimDueDeliveries({ now, limit, workspaceId })
  const counts = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 }
  await Promise.all(
    claimed.map(async (delivery) => {
      const outcome: Outcome = delivery.isActive
        ? await sendDelivery(delivery, { now: clock(), resolve, timeoutMs, allowPrivateTargets })
        : { ok: false, statusCode: null, error: 'Not sent: the webhook is paused' }
      const status = await recordOutcome(delivery, outcome, { now: clock(), random, isFinal: !delivery.isActive })
      counts[status === 'pending' ? 'retrying' : status]++
    }),
  )
  return counts
}

// A short transaction: lock due rows nobody else holds, push them a lease ahead, commit. The send happens after.
function claimDueDeliveries({ now, limit, workspaceId }: { now: Date; limit: number; workspaceId?: string }): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: webhookDeliveries.id, body: webhookDeliveries.body, attempts: webhookDeliveries.attempts, url: webhooks.url, secret: webhooks.secret, isActive: webhooks.active })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now), workspaceId ? eq(webhookDeliveries.workspaceId, workspaceId) : undefined))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { of: webhookDeliveries, skipLocked: true })
    if (rows.length > 0) {
      const ids = rows.map((r) => r.id)
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(inArray(webhookDeliveries.id, ids))
    }
    return rows
  })
}

async function sendDelivery(delivery: Claimed, options: { now: Date; resolve?: Resolver; timeoutMs: number; allowPrivateTargets: boolean }): Promise<Outcome> {
  try {
    // Resolved and checked here, then connected to at exactly the checked address (target.server.ts).
    const target = await resolveWebhookTarget(delivery.url, { allowPrivate: options.allowPrivateTargets, resolve: options.resolve })
    if (!target.ok) return { ok: false, statusCode: null, error: target.reason }
    const timestamp = Math.floor(options.now.getTime() / 1000)
    const response = await postToTarget(target, {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
        [WEBHOOK_SIGNATURE_HEADER]: signWebhook({ secret: delivery.secret, timestamp, body: delivery.body }),
      },
      body: delivery.body,
      timeoutMs: options.timeoutMs,
    })
    // A redirect is not followed (it could point anywhere, past the target check): it counts as a failure.
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status }
    return { ok: false, statusCode: response.status, error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` }
  } catch (error) {
    return { ok: false, statusCode: null, error: describeSendError(error, options.timeoutMs) }
  }
}

/** A send's failure in one line, for the delivery log (webhooks and mail alike). */
export function describeSendError(error: unknown, timeoutMs: number) {
  if (error instanceof Error && error.name === 'TimeoutError') return `Timed out after ${timeoutMs / 1000} s`
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error instanceof Error ? error.message : String(error)}${cause}`
}

async function recordOutcome(delivery: Claimed, outcome: Outcome, { now, random, isFinal }: { now: Date; random: () => number; isFinal: boolean }) {
  const attempts = delivery.attempts + (isFinal ? 0 : 1)
  const status = outcome.ok ? 'delivered' : isFinal || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'
  await db
    .update(webhookDeliveries)
    .set({
      status,
      attempts,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.ok ? null : outcome.error.slice(0, MAX_ERROR_LENGTH),
      deliveredAt: outcome.ok ? now : null,
      nextAttemptAt: status === 'pending' ? new Date(now.getTime() + retryDelayMs(attempts, random)) : now,
    })
    .where(eq(webhookDeliveries.id, delivery.id))
  return status
}

const KEEP_FINISHED_MS = 30 * 24 * 3600_000

/** Deletes delivered and failed deliveries older than 30 days (hourly maintenance); pending ones are kept. */
export async function pruneWebhookDeliveries({ now = new Date() }: { now?: Date } = {}) {
  await db.delete(webhookDeliveries).where(and(inArray(webhookDeliveries.status, ['delivered', 'failed']), lt(webhookDeliveries.createdAt, new Date(now.getTime() - KEEP_FINISHED_MS))))
}

// ── The worker ──────────────────────────────────────────────────────────────────────────────────
const POLL_MS = 2000

/**
 * Every process runs one (app/workers/registry.server.ts): a round every ~2 s, at once again while rounds come
 * back full (a backlog). Stopping waits for the round in flight, so its outcomes are recorded before the database
 * closes; a round cut off by the deadline leaves its deliveries leased, due again after LEASE_MS.
 */
export function createWebhookWorker({ everyMs = POLL_MS, limit = DELIVERIES_PER_ROUND, ...options }: Omit<DeliverOptions, 'now'> & { everyMs?: number } = {}) {
  return createPeriodicWorker({
    name: 'webhook delivery',
    everyMs,
    run: async () => ({ hasMore: (await deliverDueWebhooks({ ...options, limit })).claimed >= limit }),
  })
}
