import type { ActionFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { CreateExperimentSchema } from '#app/experiments/schema'
import { createExperiment } from '#app/experiments/experiment.server'
import { resolvePlannedVisitors } from '#app/experiments/pipeline-history.server'
import { jsonError, parseJsonBody } from '#app/http/json.server'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['POST'], 'POST to create an experiment')
export const loader = methods.refuse

/**
 * `{ pageId, name, variants: [{ key, weight }], control?, coverage?, primaryMetric?, autoShip?, … }` → 201 `{ id, status }`.
 * A pipeline experiment without plannedVisitorsPerVariant is planned as a mean from the workspace's history.
 */
export async function action({ request }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace, keyId } = await requireApiCaller(request)
  const input = await parseJsonBody(request, CreateExperimentSchema)
  const plannedVisitorsPerVariant = await resolvePlannedVisitors({ workspaceId: workspace.id, input })
  const created = await createExperiment({ workspaceId: workspace.id, input: { ...input, plannedVisitorsPerVariant }, actor: { userId: null, actor: 'api', apiKeyId: keyId } })
  if (!created.ok) return jsonError(created.status, { errors: created.errors })
  return Response.json({ id: created.experiment.id, status: created.experiment.status }, { status: 201 })
}
