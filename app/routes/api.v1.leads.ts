import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { jsonError } from '#app/http/json.server'
import { listedLeadForApi } from '#app/leads/api-shape'
import { listLeads, parseLeadQuery } from '#app/leads/list.server'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET'])

/**
 * GET /api/v1/leads?temperature=&stage=&formId=&pageId=&source=&from=&to=&q=&sort=&cursor=&limit=
 * → `{ leads: [...], next }`; pass `next` back as `cursor` (with the same filters and sort) for the next page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const parsed = parseLeadQuery(new URL(request.url).searchParams)
  if (!parsed.ok) return jsonError(400, { errors: parsed.errors })
  const page = await listLeads({ workspaceId: workspace.id, timeZone: workspace.timezone, ...parsed.query })
  return Response.json({ leads: page.leads.map(listedLeadForApi), next: page.next })
}

export const action = methods.refuse
