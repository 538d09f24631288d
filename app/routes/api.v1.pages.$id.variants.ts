import type { ActionFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { jsonError, parseJsonBody, requireIdParam } from '#app/http/json.server'
import { createVariant } from '#app/pages/queries.server'
import { CreateVariantSchema } from '#app/pages/schema'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['POST'], 'POST to create a variant')
export const loader = methods.refuse

export async function action({ request, params }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const pageId = requireIdParam(params.id, 'page')
  const input = await parseJsonBody(request, CreateVariantSchema)
  const result = await createVariant({ workspaceId: workspace.id, pageId, ...input })
  if (!result.ok) return result.status === 404 ? jsonError(404, { error: result.message }) : jsonError(400, { errors: { copyFrom: [result.message] } })
  return Response.json(result.variant, { status: 201 })
}
