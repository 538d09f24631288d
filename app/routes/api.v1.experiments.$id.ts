import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { experimentJson } from '#app/experiments/api-shape'
import { getExperiment, updateCoverage, updateMaturity } from '#app/experiments/experiment.server'
import { ExperimentSettingsSchema } from '#app/experiments/schema'
import { jsonError, parseJsonBody, requireIdParam } from '#app/http/json.server'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET', 'PATCH'], 'GET, or PATCH with { "coverage" } and/or { "maturityDays" }')

export async function loader({ request, params }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const found = await getExperiment({ workspaceId: workspace.id, id: requireIdParam(params.id, 'experiment') })
  if (!found) return jsonError(404, { error: 'No such experiment' })
  return Response.json(experimentJson(found.experiment, found.page))
}

// Unknown keys are refused by name: weights cannot change while running (a new experiment is needed).
const PatchSchema = z
  .strictObject(
    {
      coverage: z.number({ error: 'coverage must be a number' }).gt(0, 'coverage must be above 0').max(1, 'coverage is at most 1').optional(),
      maturityDays: ExperimentSettingsSchema.shape.maturityDays.unwrap().optional(),
    },
    {
      error: (issue) => (issue.code === 'unrecognized_keys' ? 'Only coverage and maturityDays can change: weights cannot change while running (create a new experiment)' : undefined),
    },
  )
  .refine((patch) => patch.coverage !== undefined || patch.maturityDays !== undefined, { error: 'Send coverage or maturityDays' })

/** PATCH `{ coverage?, maturityDays? }`: coverage may only rise while running, so nobody already counted moves. */
export async function action({ request, params }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace, keyId } = await requireApiCaller(request)
  const id = requireIdParam(params.id, 'experiment')
  const { coverage, maturityDays } = await parseJsonBody(request, PatchSchema)
  const actor = { userId: null, actor: 'api' as const, apiKeyId: keyId }
  let updated = null
  if (coverage !== undefined) {
    updated = await updateCoverage({ workspaceId: workspace.id, id, coverage, actor })
    if (!updated.ok) return jsonError(updated.status, { errors: updated.errors })
  }
  if (maturityDays !== undefined) {
    updated = await updateMaturity({ workspaceId: workspace.id, id, maturityDays, actor })
    if (!updated.ok) return jsonError(updated.status, { errors: updated.errors })
  }
  return Response.json(experimentJson(updated!.experiment))
}
