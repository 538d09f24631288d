import { and, eq, sql } from 'drizzle-orm'
import { db, type Database, type Transaction } from '#app/db.server'
import { choosePurposeForm } from '#app/forms/purpose-form'
import { purposeFormDefinition } from '#app/forms/purpose-form-copy'
import { PURPOSES, type FormLocale, type PurposeId } from '#app/forms/purposes'
import { forms, workspaces } from '#db/schema'

/**
 * A new form with the purpose's starter fields, conversion type and button label (the form builder's "New form"),
 * written in `locale` (English unless told).
 */
export async function createPurposeForm(
  { workspaceId, purpose, name, locale = 'en' }: { workspaceId: string; purpose: PurposeId; name?: string; locale?: FormLocale },
  database: Database | Transaction = db,
) {
  const [row] = await database
    .insert(forms)
    .values({ workspaceId, name: name ?? PURPOSES.find((p) => p.id === purpose)!.label, definition: purposeFormDefinition({ purpose, locale }) })
    .returning({ id: forms.id, name: forms.name })
  return row!
}

/**
 * The workspace's form for `purpose` in `locale` (see choosePurposeForm), made under `name` on first use. Call it
 * inside a transaction: the workspace row is locked first, so two pages made at once from one template share one
 * new form instead of making two. The language is the definition's own `locale` (no column: a form without one
 * is English).
 */
export async function findOrCreatePurposeForm({ workspaceId, purpose, name, locale }: { workspaceId: string; purpose: PurposeId; name: string; locale: FormLocale }, tx: Transaction) {
  await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update')
  const candidates = await tx
    .select({
      id: forms.id,
      name: forms.name,
      purpose: sql<string>`${forms.definition}->>'purpose'`,
      locale: sql<string | null>`${forms.definition}->>'locale'`,
      archivedAt: forms.archivedAt,
      updatedAt: forms.updatedAt,
    })
    .from(forms)
    .where(and(eq(forms.workspaceId, workspaceId), sql`${forms.definition}->>'purpose' = ${purpose}`))
  const id = choosePurposeForm(candidates, purpose, locale)
  if (id) return { id, name: candidates.find((c) => c.id === id)!.name, created: false }
  return { ...(await createPurposeForm({ workspaceId, purpose, name, locale }, tx)), created: true }
}
