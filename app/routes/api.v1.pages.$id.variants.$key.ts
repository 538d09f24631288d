import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { jsonError, parseJsonBody, requireIdParam } from '#app/http/json.server'
import { getVariant, saveVariantDraft } from '#app/pages/queries.server'
import { allowMethods } from '#app/http/methods.server'

// The editor's JSON can be large; the document itself is capped at 1 MB by validatePageDocument.
const DraftBodySchema = z.object({ draft: z.unknown().refine((v) => v !== undefined, 'draft is required') })

const methods = allowMethods(['GET', 'PUT'], 'GET, or PUT with { "draft": <editor JSON> }')

export async function loader({ request, params }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const variant = await getVariant({ workspaceId: workspace.id, pageId: requireIdParam(params.id, 'page'), key: params.key! })
  if (!variant) return jsonError(404, { error: 'No such variant' })
  return Response.json({ key: variant.key, name: variant.name, draft: variant.draft, draftUpdatedAt: variant.draftUpdatedAt })
}

export async function action({ request, params }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const pageId = requireIdParam(params.id, 'page')
  const { draft } = await parseJsonBody(request, DraftBodySchema, { maxBytes: 1_100_000 })
  const result = await saveVariantDraft({ workspaceId: workspace.id, pageId, key: params.key!, draft })
  if (result.ok) return Response.json({ key: params.key, savedAt: result.savedAt })
  if (result.status === 404) return jsonError(404, { error: 'No such variant' })
  return jsonError(400, { errors: { draft: result.errors } })
}
