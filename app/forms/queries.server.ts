import { and, desc, eq } from 'drizzle-orm'
import { db } from '#app/db.server'
import type { FormDefinition } from '#app/forms/definition'
import { forms, type FormDefinitionJson } from '#db/schema'

export async function createForm({ workspaceId, name, definition }: { workspaceId: string; name: string; definition: FormDefinition }) {
  const [row] = await db
    .insert(forms)
    .values({ workspaceId, name, definition: definition as unknown as FormDefinitionJson })
    .returning({ id: forms.id })
  return row!
}

/** The form if it belongs to this workspace, else null (callers answer 404). */
export async function getForm({ workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await db
    .select({ id: forms.id, name: forms.name, definition: forms.definition, createdAt: forms.createdAt, updatedAt: forms.updatedAt, archivedAt: forms.archivedAt })
    .from(forms)
    .where(and(eq(forms.id, id), eq(forms.workspaceId, workspaceId)))
  return row ? { ...row, definition: row.definition as unknown as FormDefinition } : null
}

export async function listForms({ workspaceId }: { workspaceId: string }) {
  const rows = await db
    .select({ id: forms.id, name: forms.name, definition: forms.definition, updatedAt: forms.updatedAt, archivedAt: forms.archivedAt })
    .from(forms)
    .where(eq(forms.workspaceId, workspaceId))
    .orderBy(desc(forms.updatedAt))
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    purpose: r.definition.purpose,
    conversionType: r.definition.conversionType,
    fieldCount: r.definition.fields.length,
    updatedAt: r.updatedAt,
    archivedAt: r.archivedAt,
  }))
}
