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
  if (result.status === 404) return jsonError(404, { error: result.errors[0]! })
  // A Form block without a form: 409 naming each block (variant, id, path), so a script can attach a form or remove it.
  if (result.status === 409)
    return Response.json(
      { error: result.errors.join(' '), emptyFormBlocks: result.emptyFormBlocks.map(({ variant, blockId, path, heading }) => ({ variant, blockId, path, heading })) },
      { status: 409 },
    )
  return jsonError(400, { errors: { draft: result.errors } })
}
