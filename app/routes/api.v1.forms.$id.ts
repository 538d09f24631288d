import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { checkApiFormBody, getForm, updateForm } from '#app/forms/form.server'
import { jsonError, readJsonBody, requireIdParam } from '#app/http/json.server'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET', 'PUT'])

export async function loader({ request, params }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const form = await getForm({ workspaceId: workspace.id, id: requireIdParam(params.id, 'form') })
  if (!form) return jsonError(404, { error: 'No such form' })
  return Response.json({ id: form.id, name: form.name, ...form.definition, createdAt: form.createdAt, updatedAt: form.updatedAt })
}

/** PUT: the whole form again, as POST /api/v1/forms takes it (alerts included) → 200 `{ id }`. */
export async function action({ request, params }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const id = requireIdParam(params.id, 'form')
  const body = await readJsonBody(request)
  if (!body || typeof body !== 'object' || Array.isArray(body)) return jsonError(400, { error: 'Body must be a JSON object' })
  const checked = await checkApiFormBody({ workspaceId: workspace.id, body })
  if (!checked.ok) return jsonError(400, { errors: checked.errors })
  if (!(await updateForm({ workspaceId: workspace.id, id, name: checked.name, definition: checked.definition }))) return jsonError(404, { error: 'No such form' })
  return Response.json({ id })
}
