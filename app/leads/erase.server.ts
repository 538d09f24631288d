import { and, eq, sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { conversions, leadNotes, leads } from '#db/schema'

/**
 * Erases a lead's personal data (GDPR art. 17) and keeps what is not personal.
 *
 * Goes: email, name, company, phone, the free-text "how did you hear about us" answer and the visitor id on the
 * lead; the answers of every conversion; all notes (members write about the person).
 * Stays: the lead row with its stage, deal value, counts, channel, first/last touch (campaign, referrer host and
 * path, never a query string) and dates; the conversion rows with their form, page, variant, type and visitor id; the stage
 * history. Experiment results, funnel and revenue reports count these rows, and erasing someone must not change
 * another test's numbers. The conversions' visitor id is a random cookie id that no longer leads to a person.
 *
 * The email is freed: if the person converts again they become a new lead. Erasing twice is harmless.
 * Returns false when the lead is not in this workspace.
 */
export async function eraseLead({ workspaceId, id }: { workspaceId: string; id: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [lead] = await tx
      .update(leads)
      .set({ email: null, name: null, company: null, phone: null, heardAboutOther: null, visitorId: null, erasedAt: sql`coalesce(${leads.erasedAt}, now())` })
      .where(and(eq(leads.id, id), eq(leads.workspaceId, workspaceId)))
      .returning({ id: leads.id })
    if (!lead) return false
    await tx
      .update(conversions)
      .set({ answers: null })
      .where(and(eq(conversions.leadId, id), eq(conversions.workspaceId, workspaceId)))
    await tx.delete(leadNotes).where(and(eq(leadNotes.leadId, id), eq(leadNotes.workspaceId, workspaceId)))
    return true
  })
}
