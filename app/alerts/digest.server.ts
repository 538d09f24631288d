import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { enqueueMail, mailQueued } from '#app/mail/outbox.server'
import { addDays, startOfDay, startOfNextDay, today, type Day } from '#app/time/days'
import { createPeriodicWorker } from '#app/workers/periodic'
import { conversions, forms, leads, pages, workspaces } from '#db/schema'
import type { LeadDigest } from './content'
import type { FormAlerts } from './schema'

// The daily digest (`alerts.digest`, docs/email.md): once the workspace's local day is over, one mail per form with
// the digest on, to the form's alert addresses, and one post to its chat webhook if it has one, listing that day's
// cold leads on the form (the hot ones had their own alert). Nothing when there were none. Once per form and day
// whatever the number of processes and runs: the dedupe keys `lead-digest:<formId>:<day>` and
// `lead-digest-chat:<formId>:<day>` make a second enqueue write nothing. The worker looks every 15 minutes,
// so a digest leaves within about a quarter of an hour of local midnight (or at the first run after a downtime;
// only the previous day is sent, an older one is not caught up).

const EVERY_MS = 15 * 60 * 1000

type DigestForm = { id: string; workspaceId: string; name: string; timezone: string; alerts: FormAlerts }

/** Forms with the digest on and an address to send it to (one workspace's, in tests). */
async function digestForms(workspaceId?: string): Promise<DigestForm[]> {
  return db
    .select({ id: forms.id, workspaceId: forms.workspaceId, name: forms.name, timezone: workspaces.timezone, alerts: sql<FormAlerts>`${forms.definition} -> 'alerts'` })
    .from(forms)
    .innerJoin(workspaces, eq(workspaces.id, forms.workspaceId))
    .where(
      and(
        isNull(forms.archivedAt),
        sql`(${forms.definition} -> 'alerts' ->> 'digest')::boolean is true`,
        // With on: "all" every lead, cold ones included, had its own alert: no digest to repeat them.
        sql`coalesce(${forms.definition} -> 'alerts' ->> 'on', 'hot') = 'hot'`,
        sql`(jsonb_array_length(coalesce(${forms.definition} -> 'alerts' -> 'emails', '[]')) > 0 or ${forms.definition} -> 'alerts' ->> 'chatWebhookUrl' is not null)`,
        workspaceId ? eq(forms.workspaceId, workspaceId) : undefined,
      ),
    )
}

/** The leads that converted on `form` during `day` (its workspace's local day) and are still cold, first come first. */
export async function coldLeadsOf(form: Pick<DigestForm, 'id' | 'workspaceId' | 'timezone'>, day: Day): Promise<LeadDigest['leads']> {
  const rows = await db
    .selectDistinctOn([leads.id], {
      leadId: leads.id,
      name: leads.name,
      email: leads.email,
      company: leads.company,
      source: leads.channel,
      slug: pages.slug,
      at: conversions.createdAt,
    })
    .from(conversions)
    // Each join also on the workspace: a form's digest reads its own workspace's rows only.
    .innerJoin(leads, and(eq(leads.id, conversions.leadId), eq(leads.workspaceId, form.workspaceId)))
    .innerJoin(pages, and(eq(pages.id, conversions.pageId), eq(pages.workspaceId, form.workspaceId)))
    .where(
      and(
        eq(conversions.workspaceId, form.workspaceId),
        eq(conversions.formId, form.id),
        gte(conversions.createdAt, startOfDay(day, form.timezone)),
        lt(conversions.createdAt, startOfNextDay(day, form.timezone)),
        isNull(leads.hotAt),
      ),
    )
    .orderBy(leads.id, asc(conversions.createdAt))
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime()).map(({ slug, at: _at, ...lead }) => ({ ...lead, pagePath: `/p/${slug}` }))
}

/** Queues the previous local day's digest of every form that has one due; returns the ids of the forms queued. */
export async function queueLeadDigests({ now = new Date(), workspaceId }: { now?: Date; workspaceId?: string } = {}) {
  const queued: string[] = []
  for (const form of await digestForms(workspaceId)) {
    const day = addDays(today(now, form.timezone), -1)
    const coldLeads = await coldLeadsOf(form, day)
    if (coldLeads.length === 0) continue
    const common = { workspaceId: form.workspaceId, data: { formName: form.name, day, leads: coldLeads }, kind: 'lead-alert', now }
    const { emails, chatWebhookUrl } = form.alerts
    const mail = emails.length > 0 ? await enqueueMail(db, { ...common, to: emails, template: 'lead-digest', dedupeKey: `lead-digest:${form.id}:${day}` }) : null
    const chat = chatWebhookUrl ? await enqueueMail(db, { ...common, to: [chatWebhookUrl], template: 'lead-digest-chat', dedupeKey: `lead-digest-chat:${form.id}:${day}` }) : null
    if (mail || chat) queued.push(form.id)
  }
  if (queued.length) mailQueued()
  return queued
}

export function createLeadDigestWorker({ everyMs = EVERY_MS }: { everyMs?: number } = {}) {
  return createPeriodicWorker({ name: 'lead digests', everyMs, run: async () => void (await queueLeadDigests()) })
}
