import { checkFormAlertTarget } from '#app/alerts/alerts.server'
import { conversionTypeFor } from '#app/forms/purposes'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { db } from '#app/db.server'
import { changed } from '#app/changes/signal'
import { checkSuccessAsset } from '#app/assets/asset.server'
import { validateFormDefinition, type FormDefinition } from '#app/forms/definition'
import { FormNameSchema } from '#app/forms/schema'
import { fieldErrorsOf } from '#app/http/field-errors'
import { forms } from '#db/schema'

export type CheckedForm = { ok: true; name: string; definition: FormDefinition } | { ok: false; errors: Record<string, string[]> }

/**
 * A posted name and definition (builder or API), validated as on the client plus what needs the database: an
 * uploaded file must be this workspace's. Errors are keyed by dotted path (`name`, `fields.2.key`).
 */
export async function checkFormInput({ workspaceId, name, definition }: { workspaceId: string; name: unknown; definition: unknown }): Promise<CheckedForm> {
  const named = FormNameSchema.safeParse(name)
  const result = validateFormDefinition(definition)
  const serverErrors = result.ok ? ((await checkSuccessAsset({ workspaceId, success: result.definition.success })) ?? checkFormAlertTarget(result.definition.alerts)) : null
  if (named.success && result.ok && !serverErrors) return { ok: true, name: named.data, definition: result.definition }
  const errors: Record<string, string[]> = { ...(result.ok ? serverErrors : result.errors) }
  if (!named.success) errors.name = fieldErrorsOf(named.error).root ?? []
  return { ok: false, errors }
}

/**
 * A form as POST and PUT /api/v1/forms take it: `{ name, purpose?, conversionType?, fields, …, alerts? }`, the
 * definition's keys beside the name. The purpose presets soft or hard; an explicit conversionType overrides it.
 */
export async function checkApiFormBody({ workspaceId, body }: { workspaceId: string; body: object }): Promise<CheckedForm> {
  const input = body as Record<string, unknown>
  const purpose = typeof input.purpose === 'string' ? input.purpose : 'other'
  // The definition schema keeps only its own keys, so `name` does not end up inside the definition.
  const definition = { ...input, purpose, conversionType: input.conversionType ?? conversionTypeFor(purpose) }
  return checkFormInput({ workspaceId, name: input.name, definition })
}

export async function createForm({ workspaceId, name, definition }: { workspaceId: string; name: string; definition: FormDefinition }) {
  const [row] = await db.insert(forms).values({ workspaceId, name, definition }).returning({ id: forms.id })
  return row!
}

/** The form if it belongs to this workspace, else null (callers answer 404). */
export async function getForm({ workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await db
    .select({ id: forms.id, name: forms.name, definition: forms.definition, createdAt: forms.createdAt, updatedAt: forms.updatedAt, archivedAt: forms.archivedAt })
    .from(forms)
    .where(and(eq(forms.id, id), eq(forms.workspaceId, workspaceId)))
  return row ?? null
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

/** Replaces the name and definition; false when the form is not this workspace's (callers answer 404). */
export async function updateForm({ workspaceId, id, name, definition }: { workspaceId: string; id: string; name: string; definition: FormDefinition }) {
  const rows = await db
    .update(forms)
    .set({ name, definition, updatedAt: new Date() })
    .where(and(eq(forms.id, id), eq(forms.workspaceId, workspaceId)))
    .returning({ id: forms.id })
  // Published pages showing it rebuild at once here, and within a second in other processes.
  changed({ kind: 'form', id })
  return rows.length > 0
}

/**
 * Archiving is soft: the row, its conversions and its leads stay, and published pages that show it keep taking
 * submissions (no lead is lost to tidying up); only the builder's lists and the page editor's form picker leave
 * it out. `archived: false` restores it.
 */
export async function archiveForm({ workspaceId, id, archived = true }: { workspaceId: string; id: string; archived?: boolean }) {
  const rows = await db
    .update(forms)
    .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
    .where(and(eq(forms.id, id), eq(forms.workspaceId, workspaceId)))
    .returning({ id: forms.id })
  return rows.length > 0
}

/** The forms a page may show (not archived), with their definitions for the editor canvas, by name. */
export async function listFormChoices({ workspaceId }: { workspaceId: string }) {
  const rows = await db
    .select({ id: forms.id, name: forms.name, definition: forms.definition })
    .from(forms)
    .where(and(eq(forms.workspaceId, workspaceId), isNull(forms.archivedAt)))
    .orderBy(forms.name)
  return rows.map((r) => ({ id: r.id, name: r.name, conversionType: r.definition.conversionType, definition: r.definition }))
}
