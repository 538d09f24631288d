import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMember } from '#app/auth/session.server'
import { csvDownload, parseCsvTable } from '#app/experiments/results/csv-download.server'
import { getExperimentResults } from '#app/experiments/results/queries.server'
import { requireIdParam } from '#app/http/json.server'

const text = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } })

/**
 * GET /experiments/:id/results.csv?table=variants|daily|device|channel|lead_quality&metric=any|soft|hard|<formId>
 * One of the results page's tables as a CSV download, for a member of the experiment's workspace (the API's
 * export, through the session): the page's download links point here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const id = requireIdParam(params.id, 'experiment')
  const query = new URL(request.url).searchParams
  const table = parseCsvTable(query.get('table'))
  if (!table.ok) return text(400, `table: ${table.errors.table.join(' ')}`)
  const found = await getExperimentResults({ workspaceId: workspace.id, id, metric: query.get('metric') })
  if (!found.ok)
    return found.status === 404
      ? text(404, 'No such experiment in this workspace')
      : text(
          found.status,
          Object.entries(found.errors)
            .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
            .join('; '),
        )
  return csvDownload(found.results, table.table)
}
