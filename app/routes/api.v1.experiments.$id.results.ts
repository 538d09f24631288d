import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { csvDownload, parseCsvTable } from '#app/experiments/results/csv-download.server'
import { getExperimentResults } from '#app/experiments/results/queries.server'
import { jsonError, requireIdParam } from '#app/http/json.server'
import { allowMethods } from '#app/http/methods.server'

const FORMATS = ['json', 'csv'] as const

const methods = allowMethods(['GET'])

/**
 * GET /api/v1/experiments/:id/results?metric=any|soft|hard|<formId>&format=json|csv&table=variants|daily|device|channel|lead_quality
 * The numbers of the results page, from the rollups. `table` picks the CSV's table (variants by default).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  methods.require(request)
  const started = performance.now()
  const { workspace } = await requireApiCaller(request)
  const id = requireIdParam(params.id, 'experiment')
  const query = new URL(request.url).searchParams
  const format = query.get('format') ?? 'json'
  if (!(FORMATS as readonly string[]).includes(format)) return jsonError(400, { errors: { format: [`Unknown format "${format.slice(0, 50)}": use json or csv`] } })
  const table = query.get('table')
  if (table !== null && format !== 'csv') return jsonError(400, { errors: { table: ['table only applies with format=csv'] } })
  const chosen = parseCsvTable(table)
  if (!chosen.ok) return jsonError(400, { errors: chosen.errors })

  const found = await getExperimentResults({ workspaceId: workspace.id, id, metric: query.get('metric') })
  if (!found.ok) return found.status === 404 ? jsonError(404, { error: 'No such experiment' }) : jsonError(found.status, { errors: found.errors })
  const timing = { 'Server-Timing': `results;dur=${(performance.now() - started).toFixed(1)}`, 'Cache-Control': 'private, no-store' }
  if (format === 'json') return Response.json(found.results, { headers: timing })
  return csvDownload(found.results, chosen.table, timing)
}

export const action = methods.refuse
