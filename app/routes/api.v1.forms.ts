import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { validateFormDefinition } from '#app/forms/definition'
import { conversionTypeFor } from '#app/forms/purposes'
import { createForm, listForms } from '#app/forms/queries.server'
import { fieldErrorsOf } from '#app/http/field-errors'
import { jsonError, readJsonBody } from '#app/http/json.server'

const FormNameSchema = z.object({ name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(120, 'Use at most 120 characters') })

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireApiCaller(request)
  return Response.json({ forms: await listForms({ workspaceId: workspace.id }) })
}

/** `{ name, purpose?, conversionType?, fields, success?, steps?, submitLabel? }` → 201 `{ id }`. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return jsonError(405, { error: 'Use POST to create a form' })
  const { workspace } = await requireApiCaller(request)
  const body = await readJsonBody(request)
  if (!body || typeof body !== 'object' || Array.isArray(body)) return jsonError(400, { error: 'Body must be a JSON object' })
  const input = body as Record<string, unknown>
  const named = FormNameSchema.safeParse(input)
  const purpose = typeof input.purpose === 'string' ? input.purpose : 'other'
  // The purpose presets soft or hard; an explicit conversionType overrides it. The definition schema
  // keeps only its own keys, so `name` does not end up inside the definition.
  const definition = validateFormDefinition({ ...input, purpose, conversionType: input.conversionType ?? conversionTypeFor(purpose) })
  const errors = { ...(named.success ? {} : fieldErrorsOf(named.error)), ...(definition.ok ? {} : definition.errors) }
  if (!named.success || !definition.ok) return jsonError(400, { errors })
  const form = await createForm({ workspaceId: workspace.id, name: named.data.name, definition: definition.definition })
  return Response.json({ id: form.id }, { status: 201 })
}
