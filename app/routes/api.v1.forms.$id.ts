import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { getForm } from '#app/forms/form.server'
import { jsonError, requireIdParam } from '#app/http/json.server'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET'])

export async function loader({ request, params }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const form = await getForm({ workspaceId: workspace.id, id: requireIdParam(params.id, 'form') })
  if (!form) return jsonError(404, { error: 'No such form' })
  return Response.json({ id: form.id, name: form.name, ...form.definition, createdAt: form.createdAt, updatedAt: form.updatedAt })
}

export const action = methods.refuse
