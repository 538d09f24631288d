import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { db } from '#app/db.server'
import { jsonError, parseJsonBody, requireIdParam } from '#app/http/json.server'
import { leadForApi } from '#app/leads/api-shape'
import { getLead } from '#app/leads/detail.server'
import { LeadStageChangeSchema } from '#app/leads/schema'
import { changeLeadStage } from '#app/leads/stage.server'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET', 'PATCH'], 'GET, or PATCH with { "stage", "dealValue"? }')
const notFound = () => jsonError(404, { error: 'No such lead' })

/** GET /api/v1/leads/:id → the lead with its conversions and stage history. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const lead = await getLead({ workspaceId: workspace.id, id: requireIdParam(params.id, 'lead') })
  return lead ? Response.json(leadForApi(lead)) : notFound()
}

/** PATCH /api/v1/leads/:id `{ "stage": "opportunity", "dealValue": 12000 }` → 200 with the lead. */
export async function action({ request, params }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const leadId = requireIdParam(params.id, 'lead')
  const input = await parseJsonBody(request, LeadStageChangeSchema)
  const result = await changeLeadStage(db, { workspaceId: workspace.id, leadId, toStage: input.stage, dealValue: input.dealValue, changedBy: null, source: 'api' })
  if (!result.ok) return result.status === 404 ? notFound() : jsonError(400, { errors: result.errors })
  const lead = await getLead({ workspaceId: workspace.id, id: leadId })
  return lead ? Response.json(leadForApi(lead)) : notFound()
}
