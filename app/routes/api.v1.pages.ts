import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { jsonError, parseJsonBody } from '#app/http/json.server'
import { createPage, listPages, pageStatus } from '#app/pages/queries.server'
import { CreatePageSchema } from '#app/pages/schema'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET', 'POST'])

export async function loader({ request }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const rows = await listPages({ workspaceId: workspace.id })
  return Response.json({
    pages: rows.map((p) => ({ id: p.id, name: p.name, slug: p.slug, locale: p.locale, status: pageStatus(p), variantCount: p.variantCount, lastPublishedAt: p.lastPublishedAt })),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const input = await parseJsonBody(request, CreatePageSchema)
  const result = await createPage({ workspaceId: workspace.id, ...input })
  if (!result.ok) return jsonError(result.status, { errors: { [result.field]: [result.message] } })
  return Response.json(result.page, { status: 201 })
}
