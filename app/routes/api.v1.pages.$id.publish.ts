import type { ActionFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { jsonError, requireIdParam } from '#app/http/json.server'
import { publishPage } from '#app/pages/queries.server'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['POST'], 'POST to publish')
export const loader = methods.refuse

export async function action({ request, params }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const result = await publishPage({ workspaceId: workspace.id, pageId: requireIdParam(params.id, 'page'), userId: null })
  if (result.ok) return Response.json({ version: result.version.number, publishedAt: result.version.publishedAt, url: `/p/${result.slug}` })
  return result.status === 404 ? jsonError(404, { error: result.errors[0]! }) : jsonError(400, { errors: { draft: result.errors } })
}
