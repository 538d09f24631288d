import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { jsonError, requireIdParam } from '#app/http/json.server'
import { getPage } from '#app/pages/queries.server'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET'])

export async function loader({ request, params }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const page = await getPage({ workspaceId: workspace.id, id: requireIdParam(params.id, 'page') })
  if (!page) return jsonError(404, { error: 'No such page' })
  return Response.json({
    id: page.id,
    name: page.name,
    slug: page.slug,
    status: page.status,
    settings: page.settings,
    url: `/p/${page.slug}`,
    variants: page.variants.map((v) => ({ id: v.id, key: v.key, name: v.name, draftUpdatedAt: v.draftUpdatedAt })),
    versions: page.versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt, live: v.id === page.publishedVersionId })),
  })
}

export const action = methods.refuse
