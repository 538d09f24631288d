import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMember } from '#app/auth/session.server'
import { exportLeadsCsv } from '#app/leads/export.server'
import { parseLeadQuery } from '#app/leads/list.server'
import { today } from '#app/time/days'

/** GET /leads/export.csv?<the inbox's filters>: the filtered inbox as a CSV download (at most EXPORT_MAX_ROWS rows). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const parsed = parseLeadQuery(new URL(request.url).searchParams)
  if (!parsed.ok) {
    const problems = Object.entries(parsed.errors).map(([name, messages]) => `${name}: ${messages.join(', ')}`)
    return new Response(`Cannot export: ${problems.join('; ')}`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  const { csv, truncated } = await exportLeadsCsv({ workspaceId: workspace.id, timeZone: workspace.timezone, filters: parsed.query.filters, sort: parsed.query.sort })
  const date = today(new Date(), workspace.timezone)
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="leads-${date}.csv"`,
      'Cache-Control': 'private, no-store',
      // Says so when the cap cut the list short, for scripts; people see fewer rows than the inbox counts.
      ...(truncated ? { 'X-Export-Truncated': 'true' } : {}),
    },
  })
}
