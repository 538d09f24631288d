import type { Database, Transaction } from '#app/db.server'
import { allowsPrivateWebhookTargets } from '#app/env.server'
import { enqueueMail } from '#app/mail/outbox.server'
import { isVisiblyPrivateUrl } from '#app/webhooks/target.server'
import type { AlertLead } from './content'
import type { AlertTrigger, FormAlerts } from './schema'

// Lead alerts: queued in the transaction that records the conversion (app/conversions/record.server.ts), through the
// mail outbox, so an alert exists if and only if its lead does, and the visitor's request only inserts rows.
// Exactly one per lead: it is triggered by a once-in-a-lead's-life event (the lead's creation, or its first hard
// conversion), and its dedupe key is the lead's, so neither a resubmission nor a retried request can queue another.

/** Whether this conversion alerts: "hot" when it made the lead hot, "all" when it created the lead. */
export function shouldAlert(on: AlertTrigger, { isNew, isNewlyHot }: { isNew: boolean; isNewlyHot: boolean }) {
  return on === 'hot' ? isNewlyHot : isNew
}

/** Queues the email and the chat post the form asks for; returns how many were queued (0 when already alerted). */
export async function enqueueLeadAlert(tx: Database | Transaction, { workspaceId, alerts, lead }: { workspaceId: string; alerts: FormAlerts; lead: AlertLead }) {
  let queued = 0
  if (alerts.emails.length > 0) {
    const id = await enqueueMail(tx, { workspaceId, to: alerts.emails, template: 'lead-alert', data: lead, kind: 'lead-alert', dedupeKey: `lead-alert:${lead.leadId}` })
    if (id) queued++
  }
  if (alerts.chatWebhookUrl) {
    const id = await enqueueMail(tx, { workspaceId, to: [alerts.chatWebhookUrl], template: 'lead-alert-chat', data: lead, kind: 'lead-alert', dedupeKey: `lead-alert-chat:${lead.leadId}` })
    if (id) queued++
  }
  return queued
}

/**
 * The server half of validating a form's alerts: a chat webhook on a visibly private address is refused where
 * webhooks to private targets are (production by default). Names resolved at send time are checked then, as for
 * webhooks (app/webhooks/target.server.ts). Null when fine.
 */
export function checkFormAlertTarget(alerts: FormAlerts | undefined): Record<string, string[]> | null {
  return checkChatWebhookTarget(alerts?.chatWebhookUrl)
}

/** The same check for any chat webhook URL (a form's, a workspace's), its error under `field`. */
export function checkChatWebhookTarget(url: string | null | undefined, field = 'alerts.chatWebhookUrl'): Record<string, string[]> | null {
  if (!url || allowsPrivateWebhookTargets() || !isVisiblyPrivateUrl(url)) return null
  return { [field]: ['Private and local addresses cannot receive alerts'] }
}
