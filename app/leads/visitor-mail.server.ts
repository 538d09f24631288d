import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { createDownloadLink, type DownloadTarget } from '#app/assets/download-link.server'
import { db, type Database, type Transaction } from '#app/db.server'
import type { FormDefinition } from '#app/forms/definition'
import { enqueueMail } from '#app/mail/outbox.server'
import { leads, mailUnsubscriptions } from '#db/schema'
import { confirmLinkPath, unsubscribeLinkPath } from './visitor-links.server'
import { visitorMailLocale, type VisitorLocale } from './visitor-locale'

// Mail to the visitor who submitted (docs/email.md "Mail to visitors"), queued in the transaction that records the
// conversion, so it exists if and only if the submission committed, and is sent by the mail worker, never in the
// visitor's request. A double opt-in form sends the confirm-your-address mail (carrying the download too, one mail
// rather than two) until the lead is confirmed; otherwise a form with confirmationEmail sends a confirmation. An
// address that unsubscribed from this workspace gets neither.

export type VisitorMailPlan = {
  formId: string
  formName: string
  doubleOptIn: boolean
  confirmation: boolean
  download: DownloadTarget | null
  locale: VisitorLocale
}

/** What a submission of this form mails to the visitor; null when nothing. */
export function planVisitorMail(form: { id: string; name: string; definition: FormDefinition }, { pageLocale }: { pageLocale?: string | null } = {}): VisitorMailPlan | null {
  const { definition } = form
  if (!definition.doubleOptIn && !definition.confirmationEmail) return null
  const success = definition.success
  const download = success.type === 'asset' ? (success.assetId ? { id: success.assetId } : success.assetUrl ? { url: success.assetUrl } : null) : null
  return {
    formId: form.id,
    formName: form.name,
    doubleOptIn: Boolean(definition.doubleOptIn),
    confirmation: Boolean(definition.confirmationEmail),
    download,
    locale: visitorMailLocale({ pageLocale }),
  }
}

export async function isUnsubscribed(tx: Database | Transaction, { workspaceId, email }: { workspaceId: string; email: string }) {
  const [row] = await tx
    .select({ email: mailUnsubscriptions.email })
    .from(mailUnsubscriptions)
    .where(and(eq(mailUnsubscriptions.workspaceId, workspaceId), eq(mailUnsubscriptions.email, email)))
  return Boolean(row)
}

/** Queues the visitor's mail for one recorded conversion (inside its transaction); returns the message id or null. */
export async function enqueueVisitorMail(
  tx: Database | Transaction,
  { workspaceId, leadId, conversionId, email, plan, now = new Date() }: { workspaceId: string; leadId: string; conversionId: string; email: string | null; plan: VisitorMailPlan; now?: Date },
) {
  if (!email || (await isUnsubscribed(tx, { workspaceId, email }))) return null
  const common = {
    formName: plan.formName,
    unsubscribePath: unsubscribeLinkPath({ workspaceId, email, locale: plan.locale }),
    downloadPath: plan.download ? createDownloadLink({ workspaceId, formId: plan.formId, conversionId, asset: plan.download, now }) : null,
  }
  const base = { workspaceId, to: [email], locale: plan.locale, kind: 'visitor', dedupeKey: `visitor:${conversionId}`, now }
  if (plan.doubleOptIn) {
    // Marks the request (first time only) unless the address is confirmed already: then no new request is needed.
    const [pending] = await tx
      .update(leads)
      .set({ confirmationRequestedAt: sql`coalesce(${leads.confirmationRequestedAt}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(leads.id, leadId), eq(leads.workspaceId, workspaceId), isNull(leads.confirmedAt)))
      .returning({ id: leads.id })
    if (pending) return enqueueMail(tx, { ...base, template: 'visitor-double-opt-in', data: { ...common, confirmPath: confirmLinkPath({ workspaceId, leadId, locale: plan.locale, now }) } })
  }
  if (!plan.confirmation) return null
  return enqueueMail(tx, { ...base, template: 'visitor-confirmation', data: common })
}

export type ConfirmOutcome = 'confirmed' | 'already-confirmed' | 'gone'

/** Confirms a double opt-in lead the first time; later calls change nothing and say so. */
export async function confirmLead(tx: Database | Transaction, { workspaceId, leadId, now = new Date() }: { workspaceId: string; leadId: string; now?: Date }): Promise<ConfirmOutcome> {
  const [confirmed] = await tx
    .update(leads)
    .set({ confirmedAt: now })
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, workspaceId), isNull(leads.confirmedAt), isNull(leads.erasedAt)))
    .returning({ id: leads.id })
  if (confirmed) return 'confirmed'
  const [lead] = await tx
    .select({ confirmedAt: leads.confirmedAt, erasedAt: leads.erasedAt })
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, workspaceId)))
  return lead?.confirmedAt && !lead.erasedAt ? 'already-confirmed' : 'gone'
}

/** Records that the address wants no more mail to visitors from this workspace; repeating it is harmless. */
export async function unsubscribeAddress(tx: Database | Transaction, { workspaceId, email }: { workspaceId: string; email: string }) {
  await tx.insert(mailUnsubscriptions).values({ workspaceId, email }).onConflictDoNothing()
}

/** The dashboard's split count: leads that confirmed, and leads asked to confirm that have not (yet). */
export async function countLeadConfirmations({ workspaceId }: { workspaceId: string }) {
  const [row] = await db
    .select({
      confirmed: sql<number>`count(*) filter (where ${leads.confirmedAt} is not null)::int`,
      unconfirmed: sql<number>`count(*) filter (where ${leads.confirmationRequestedAt} is not null and ${leads.confirmedAt} is null)::int`,
    })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), isNull(leads.erasedAt), isNotNull(leads.confirmationRequestedAt)))
  return { confirmed: row?.confirmed ?? 0, unconfirmed: row?.unconfirmed ?? 0 }
}
