import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { jsonError, parseJsonBody, requireIdParam } from '#app/http/json.server'
import { getPage, updatePage } from '#app/pages/queries.server'
import { UpdatePageSchema } from '#app/pages/schema'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET', 'PATCH'])

export async function loader({ request, params }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const page = await getPage({ workspaceId: workspace.id, id: requireIdParam(params.id, 'page') })
  if (!page) return jsonError(404, { error: 'No such page' })
  return Response.json({
    id: page.id,
    name: page.name,
    slug: page.slug,
    locale: page.locale,
    status: page.status,
    settings: page.settings,
    url: `/p/${page.slug}`,
    variants: page.variants.map((v) => ({ id: v.id, key: v.key, name: v.name, draftUpdatedAt: v.draftUpdatedAt })),
    versions: page.versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt, live: v.id === page.publishedVersionId })),
  })
}

/** PATCH `{ "name"?, "locale"? }`: the language is served at once, without a publish (decision 073). */
export async function action({ request, params }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const id = requireIdParam(params.id, 'page')
  const changes = await parseJsonBody(request, UpdatePageSchema)
  const result = await updatePage({ workspaceId: workspace.id, id, changes })
  if (!result.ok) return result.status === 404 ? jsonError(404, { error: 'No such page' }) : jsonError(400, { errors: { [result.field]: [result.message] } })
  const page = await getPage({ workspaceId: workspace.id, id })
  return Response.json({ id, name: page!.name, slug: page!.slug, locale: page!.locale })
}
