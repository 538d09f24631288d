import { changed } from '#app/changes/signal'
import { and, count, desc, eq, inArray } from 'drizzle-orm'
import { db } from '#app/db.server'
import { webhookDeliveries, webhooks, type WebhookEvent } from '#db/schema'
import { buildEnvelope, TEST_EVENT } from './outbox.server'
import { generateWebhookSecret } from './signature'

// Everything here is scoped by workspace: another workspace's id is simply not found (the route answers 404).

export const MAX_WEBHOOKS_PER_WORKSPACE = 20
export const DELIVERY_LOG_LENGTH = 50

export function listWebhooks({ workspaceId }: { workspaceId: string }) {
  return db
    .select({ id: webhooks.id, url: webhooks.url, events: webhooks.events, isActive: webhooks.active, createdAt: webhooks.createdAt })
    .from(webhooks)
    .where(eq(webhooks.workspaceId, workspaceId))
    .orderBy(desc(webhooks.createdAt))
}

/** Null when the workspace already has the maximum number of webhooks. */
export async function createWebhook({ workspaceId, url, events, createdBy }: { workspaceId: string; url: string; events: WebhookEvent[]; createdBy: string | null }) {
  const [existing] = await db.select({ n: count() }).from(webhooks).where(eq(webhooks.workspaceId, workspaceId))
  if ((existing?.n ?? 0) >= MAX_WEBHOOKS_PER_WORKSPACE) return null
  const [row] = await db.insert(webhooks).values({ workspaceId, url, events, createdBy, secret: generateWebhookSecret() }).returning({ id: webhooks.id, secret: webhooks.secret })
  changed({ kind: 'webhooks', workspaceId })
  return row!
}

const byId = (workspaceId: string, id: string) => and(eq(webhooks.id, id), eq(webhooks.workspaceId, workspaceId))

export async function getWebhookSecret({ workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await db.select({ url: webhooks.url, secret: webhooks.secret }).from(webhooks).where(byId(workspaceId, id))
  return row ?? null
}

export async function setWebhookActive({ workspaceId, id, isActive }: { workspaceId: string; id: string; isActive: boolean }) {
  const rows = await db.update(webhooks).set({ active: isActive }).where(byId(workspaceId, id)).returning({ id: webhooks.id })
  changed({ kind: 'webhooks', workspaceId })
  return rows.length > 0
}

/** Its deliveries go with it (ON DELETE CASCADE), a pending retry included. */
export async function deleteWebhook({ workspaceId, id }: { workspaceId: string; id: string }) {
  const rows = await db.delete(webhooks).where(byId(workspaceId, id)).returning({ id: webhooks.id })
  changed({ kind: 'webhooks', workspaceId })
  return rows.length > 0
}

/** Queues a `webhook.test` ping for one webhook: 'paused' when it is not active, null when there is no such webhook. */
export async function enqueueTestEvent({ workspaceId, id }: { workspaceId: string; id: string }) {
  const [hook] = await db.select({ isActive: webhooks.active }).from(webhooks).where(byId(workspaceId, id))
  if (!hook) return null
  if (!hook.isActive) return 'paused' as const
  const data = { webhookId: id, message: 'A test event sent from Splitform settings' }
  const now = new Date()
  const body = buildEnvelope({ type: TEST_EVENT, workspaceId, data, createdAt: now })
  // Due by this process's clock, like every queued event (enqueueWebhookEvents says why not the database's now()).
  await db.insert(webhookDeliveries).values({ workspaceId, webhookId: id, event: TEST_EVENT, body, nextAttemptAt: now })
  return 'queued' as const
}

/** The latest deliveries of one webhook, or null when the webhook is not in this workspace. */
export async function listDeliveries({ workspaceId, webhookId }: { workspaceId: string; webhookId: string }) {
  const [hook] = await db.select({ id: webhooks.id, url: webhooks.url }).from(webhooks).where(byId(workspaceId, webhookId))
  if (!hook) return null
  const deliveries = await db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhookId, hook.id), eq(webhookDeliveries.workspaceId, workspaceId)))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(DELIVERY_LOG_LENGTH)
  return { webhook: hook, deliveries }
}

/**
 * Makes a pending or failed delivery due now. A failed one gets one more attempt (its retries are used up).
 * If a worker is sending it at this very moment it may go out twice: receivers dedupe on the event id.
 */
export async function retryDelivery({ workspaceId, id }: { workspaceId: string; id: string }) {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: new Date() })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.workspaceId, workspaceId), inArray(webhookDeliveries.status, ['pending', 'failed'])))
    .returning({ id: webhookDeliveries.id })
  return rows.length > 0
}
