import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { experimentJson } from '#app/experiments/api-shape'
import { declareWinner, transitionExperiment } from '#app/experiments/experiment.server'
import { EXPERIMENT_ACTIONS, type ExperimentAction } from '#app/experiments/schema'
import { jsonError, parseJsonBody, requireIdParam } from '#app/http/json.server'
import { allowMethods } from '#app/http/methods.server'

const WinnerSchema = z.object({ variantKey: z.string({ error: 'variantKey is required' }).trim().min(1, 'variantKey is required') })

const methods = allowMethods(['POST'])
export const loader = methods.refuse

/** POST /api/v1/experiments/:id/start | pause | resume | stop | winner (`{ variantKey }`). */
export async function action({ request, params }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace, keyId } = await requireApiCaller(request)
  const id = requireIdParam(params.id, 'experiment')
  const actor = { userId: null, actor: 'api' as const, apiKeyId: keyId }
  let result
  if (params.action === 'winner') {
    const { variantKey } = await parseJsonBody(request, WinnerSchema)
    result = await declareWinner({ workspaceId: workspace.id, id, variantKey, actor })
  } else if ((EXPERIMENT_ACTIONS as readonly string[]).includes(params.action ?? '')) {
    result = await transitionExperiment({ workspaceId: workspace.id, id, action: params.action as ExperimentAction, actor })
  } else return jsonError(404, { error: `No such action: use ${[...EXPERIMENT_ACTIONS, 'winner'].join(', ')}` })
  if (!result.ok) return jsonError(result.status, { errors: result.errors })
  return Response.json(experimentJson(result.experiment))
}
