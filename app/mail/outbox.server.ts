import { and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm'
import { changed, onChange } from '#app/changes/signal'
import { db, type Database, type Transaction } from '#app/db.server'
import { allowsPrivateWebhookTargets, appUrl, getEnv } from '#app/env.server'
import { describeSendError, LEASE_MS } from '#app/webhooks/outbox.server'
import { MAX_ATTEMPTS, retryDelayMs } from '#app/webhooks/retry'
import { postToTarget, resolveWebhookTarget, type Resolver } from '#app/webhooks/target.server'
import { createPeriodicWorker, type PeriodicWorker } from '#app/workers/periodic'
import { mailMessages, type MailAttemptJson, type MailChannel } from '#db/schema'
import type { RenderedMail } from './template'
import { getTemplate, renderMail, type TemplateData, type TemplateName } from './templates.server'
import { configuredTransport, type MailTransport } from './transport.server'

// Mail leaves through an outbox, as webhooks do (app/webhooks/outbox.server.ts, whose lease, retry schedule and
// error wording this shares): the caller's transaction writes a mail_messages row, so a mail is sent if and only if
// what it tells about committed, and never in the visitor's request. A worker in every app process claims due rows
// FOR UPDATE SKIP LOCKED, renders each at its first attempt (and stores the result: the email log shows it, every
// retry sends the same), sends it outside any transaction and appends the attempt to the row. At least once: a
// process that dies between the send and its record sends that message again after the lease.
//
// The same table is the email log (Settings → Email log). With no SMTP_URL it is where mail ends: the "log"
// transport records the attempt as sent, and prints the message in development.

export type EnqueueMailInput<N extends TemplateName> = {
  /** Whose email log shows it; null for mail that belongs to no workspace. */
  workspaceId: string | null
  /** Addresses for an email; the one incoming-webhook URL for a chat template. */
  to: string[]
  template: N
  data: TemplateData<N>
  locale?: string
  /** What it is for, shown in the log: 'lead-alert', 'account', 'visitor', 'test'. */
  kind: string
  /** One message per key, ever: a second enqueue with the same key writes nothing (and returns null). */
  dedupeKey?: string
  now?: Date
}

/**
 * Queues one message inside the caller's transaction (pass `tx`); returns its id, or null when `dedupeKey` was
 * already queued. The data is checked against the template now, so a bad call fails in its own transaction rather
 * than at every retry. After the transaction commits, call `mailQueued()` so the worker sends it at once.
 */
export async function enqueueMail<N extends TemplateName>(tx: Database | Transaction, input: EnqueueMailInput<N>) {
  const template = getTemplate(input.template)
  if (!template) throw new Error(`Unknown mail template "${input.template}"`)
  const data = template.data.parse(input.data) as Record<string, unknown>
  const [row] = await tx
    .insert(mailMessages)
    .values({
      workspaceId: input.workspaceId,
      channel: template.channel,
      kind: input.kind,
      template: input.template,
      data,
      locale: input.locale ?? 'en',
      recipients: input.to,
      dedupeKey: input.dedupeKey ?? null,
      // Due by this process's clock, which the worker compares with (see enqueueWebhookEvents).
      nextAttemptAt: input.now ?? new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: mailMessages.id })
  return row?.id ?? null
}

/** After the commit of an enqueue: wakes this process's mail worker rather than leaving the row to its next poll. */
export function mailQueued() {
  changed({ kind: 'mail' })
}

export type DeliverMailOptions = {
  /** The worker's clock; tests move it forward to simulate retries. */
  now?: Date
  limit?: number
  transport?: MailTransport
  from?: string
  appUrl?: string
  /** Chat posts: how names are resolved, whether private targets are allowed, the timeout (as for webhooks). */
  resolve?: Resolver
  allowPrivateTargets?: boolean
  timeoutMs?: number
  /** Only this workspace's messages: tests share their database with other test files. */
  workspaceId?: string
  random?: () => number
}

type Claimed = {
  id: string
  channel: MailChannel
  template: string
  data: Record<string, unknown>
  locale: string
  recipients: string[]
  subject: string | null
  text: string | null
  html: string | null
  headers: Record<string, string> | null
  attempts: number
}
type Outcome = { ok: true } | { ok: false; error: string; isPermanent?: boolean }

const MESSAGES_PER_ROUND = 20
const TIMEOUT_MS = 10_000
const MAX_ERROR_LENGTH = 500

/** One round: claims up to `limit` due messages, renders and sends them concurrently, records each attempt. */
export async function deliverDueMail({
  now = new Date(),
  limit = MESSAGES_PER_ROUND,
  transport = configuredTransport(),
  from = getEnv().MAIL_FROM,
  appUrl: base = appUrl(),
  resolve,
  allowPrivateTargets = allowsPrivateWebhookTargets(),
  timeoutMs = TIMEOUT_MS,
  workspaceId,
  random = Math.random,
}: DeliverMailOptions = {}) {
  const startedAt = Date.now()
  const clock = () => new Date(now.getTime() + (Date.now() - startedAt)) // `now`, advancing in real time
  const claimed = await claimDueMail({ now, limit, workspaceId })
  const counts = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 }
  await Promise.all(
    claimed.map(async (message) => {
      const began = Date.now()
      let rendered: RenderedMail | null = message.subject === null ? null : { subject: message.subject, text: message.text ?? '', html: message.html, headers: message.headers ?? undefined }
      let outcome: Outcome
      try {
        rendered ??= await renderMail(message.template, message.data, { appUrl: base, locale: message.locale })
        outcome = await send(message, rendered, { transport, from, resolve, allowPrivateTargets, timeoutMs })
      } catch (error) {
        // Rendering failed (a template removed or changed since the row was queued): no retry can mend that.
        outcome = { ok: false, error: `Could not render "${message.template}": ${describeSendError(error, timeoutMs)}`, isPermanent: true }
      }
      const attempt: MailAttemptJson = { at: clock().toISOString(), ok: outcome.ok, transport: message.channel === 'chat' ? 'chat' : transport.name, ms: Date.now() - began }
      if (!outcome.ok) attempt.error = outcome.error.slice(0, MAX_ERROR_LENGTH)
      const status = await recordAttempt(message, rendered, outcome, attempt, { now: clock(), random })
      counts[status === 'pending' ? 'retrying' : status]++
    }),
  )
  return counts
}

// A short transaction: lock due rows nobody else holds, push them a lease ahead, commit. The send happens after.
function claimDueMail({ now, limit, workspaceId }: { now: Date; limit: number; workspaceId?: string }): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: mailMessages.id,
        channel: mailMessages.channel,
        template: mailMessages.template,
        data: mailMessages.data,
        locale: mailMessages.locale,
        recipients: mailMessages.recipients,
        subject: mailMessages.subject,
        text: mailMessages.text,
        html: mailMessages.html,
        headers: mailMessages.headers,
        attempts: mailMessages.attempts,
      })
      .from(mailMessages)
      .where(and(eq(mailMessages.status, 'pending'), lte(mailMessages.nextAttemptAt, now), workspaceId ? eq(mailMessages.workspaceId, workspaceId) : undefined))
      .orderBy(asc(mailMessages.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true })
    if (rows.length > 0) {
      await tx
        .update(mailMessages)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(
          inArray(
            mailMessages.id,
            rows.map((r) => r.id),
          ),
        )
    }
    return rows
  })
}

async function send(
  message: Claimed,
  rendered: RenderedMail,
  options: { transport: MailTransport; from: string; resolve?: Resolver; allowPrivateTargets: boolean; timeoutMs: number },
): Promise<Outcome> {
  try {
    if (message.channel === 'email') {
      await options.transport.send({ from: options.from, to: message.recipients, subject: rendered.subject, text: rendered.text, html: rendered.html, headers: rendered.headers })
      return { ok: true }
    }
    // A chat incoming webhook: checked and connected to like a webhook target (no private addresses in production).
    const target = await resolveWebhookTarget(message.recipients[0]!, { allowPrivate: options.allowPrivateTargets, resolve: options.resolve })
    if (!target.ok) return { ok: false, error: target.reason }
    const response = await postToTarget(target, { headers: { 'Content-Type': 'application/json', 'User-Agent': 'Splitform-Alerts/1' }, body: rendered.text, timeoutMs: options.timeoutMs })
    if (response.status >= 200 && response.status < 300) return { ok: true }
    return { ok: false, error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` }
  } catch (error) {
    return { ok: false, error: describeSendError(error, options.timeoutMs) }
  }
}

async function recordAttempt(message: Claimed, rendered: RenderedMail | null, outcome: Outcome, attempt: MailAttemptJson, { now, random }: { now: Date; random: () => number }) {
  const attempts = message.attempts + 1
  const status = outcome.ok ? 'sent' : outcome.isPermanent || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'
  await db
    .update(mailMessages)
    .set({
      status,
      attempts,
      attemptLog: sql`${mailMessages.attemptLog} || ${JSON.stringify([attempt])}::jsonb`,
      lastError: outcome.ok ? null : attempt.error,
      sentAt: outcome.ok ? now : null,
      nextAttemptAt: status === 'pending' ? new Date(now.getTime() + retryDelayMs(attempts, random)) : now,
      ...(rendered && message.subject === null ? { subject: rendered.subject, text: rendered.text, html: rendered.html, headers: rendered.headers ?? null } : {}),
    })
    .where(eq(mailMessages.id, message.id))
  return status
}

const KEEP_FINISHED_MS = 30 * 24 * 3600_000

/** Deletes sent and failed messages older than 30 days (hourly maintenance); pending ones are kept. */
export async function pruneMailMessages({ now = new Date() }: { now?: Date } = {}) {
  await db.delete(mailMessages).where(and(inArray(mailMessages.status, ['sent', 'failed']), lt(mailMessages.createdAt, new Date(now.getTime() - KEEP_FINISHED_MS))))
}

// ── The worker ──────────────────────────────────────────────────────────────────────────────────
const POLL_MS = 2000

/**
 * Every process runs one (app/workers/registry.server.ts): a round every ~2 s, and at once when this process
 * queues mail (mailQueued → the change signal → wake), so a hot-lead alert does not wait for the poll. Mail queued
 * by another process waits at most one poll.
 */
export function createMailWorker({ everyMs = POLL_MS, limit = MESSAGES_PER_ROUND, ...options }: Omit<DeliverMailOptions, 'now'> & { everyMs?: number } = {}): PeriodicWorker {
  const worker = createPeriodicWorker({
    name: 'mail delivery',
    everyMs,
    run: async () => ({ hasMore: (await deliverDueMail({ ...options, limit })).claimed >= limit }),
  })
  let unsubscribe: (() => void) | undefined
  return {
    ...worker,
    start() {
      unsubscribe ??= onChange((change) => {
        if (change.kind === 'mail') worker.wake()
      })
      worker.start()
    },
    stop(options) {
      unsubscribe?.()
      unsubscribe = undefined
      return worker.stop(options)
    },
  }
}

// ── The email log ───────────────────────────────────────────────────────────────────────────────
export const MAIL_LOG_LENGTH = 100

/** The workspace's latest messages, newest first (without their bodies). */
export function listMailMessages({ workspaceId, limit = MAIL_LOG_LENGTH }: { workspaceId: string; limit?: number }) {
  return db
    .select({
      id: mailMessages.id,
      channel: mailMessages.channel,
      kind: mailMessages.kind,
      template: mailMessages.template,
      recipients: mailMessages.recipients,
      subject: mailMessages.subject,
      status: mailMessages.status,
      attempts: mailMessages.attempts,
      lastError: mailMessages.lastError,
      nextAttemptAt: mailMessages.nextAttemptAt,
      sentAt: mailMessages.sentAt,
      createdAt: mailMessages.createdAt,
    })
    .from(mailMessages)
    .where(eq(mailMessages.workspaceId, workspaceId))
    .orderBy(desc(mailMessages.createdAt))
    .limit(limit)
}

/** One message of the workspace, whole; null when it is not in this workspace. A pending one is rendered to show. */
export async function getMailMessage({ workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.id, id), eq(mailMessages.workspaceId, workspaceId)))
  if (!row) return null
  if (row.subject !== null) return row
  const rendered = await renderMail(row.template, row.data, { appUrl: appUrl(), locale: row.locale }).catch(() => null)
  return { ...row, subject: rendered?.subject ?? null, text: rendered?.text ?? null, html: rendered?.html ?? null, headers: rendered?.headers ?? null }
}

/** Makes a pending or failed message of the workspace due now (a failed one gets one more attempt). */
export async function retryMail({ workspaceId, id }: { workspaceId: string; id: string }) {
  const rows = await db
    .update(mailMessages)
    .set({ status: 'pending', nextAttemptAt: new Date() })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.workspaceId, workspaceId), inArray(mailMessages.status, ['pending', 'failed'])))
    .returning({ id: mailMessages.id })
  if (rows.length > 0) mailQueued()
  return rows.length > 0
}
