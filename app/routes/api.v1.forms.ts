import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { checkApiFormBody, createForm, listForms } from '#app/forms/form.server'
import { jsonError, readJsonBody } from '#app/http/json.server'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET', 'POST'])

export async function loader({ request }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  return Response.json({ forms: await listForms({ workspaceId: workspace.id }) })
}

/** `{ name, purpose?, conversionType?, fields, success?, steps?, submitLabel?, alerts? }` → 201 `{ id }`. */
export async function action({ request }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const body = await readJsonBody(request)
  if (!body || typeof body !== 'object' || Array.isArray(body)) return jsonError(400, { error: 'Body must be a JSON object' })
  const checked = await checkApiFormBody({ workspaceId: workspace.id, body })
  if (!checked.ok) return jsonError(400, { errors: checked.errors })
  const form = await createForm({ workspaceId: workspace.id, name: checked.name, definition: checked.definition })
  return Response.json({ id: form.id }, { status: 201 })
}
