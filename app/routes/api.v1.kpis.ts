import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { fieldErrorsOf } from '#app/http/field-errors'
import { jsonError } from '#app/http/json.server'
import { getKpiReport } from '#app/kpis/queries.server'
import { KpiApiQuerySchema } from '#app/kpis/schema'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET'])

/**
 * GET /api/v1/kpis?from=2026-10-01&to=2026-10-31[&model=first|last|linear][&compare=previous]
 * → the marketing KPI report (app/kpis/shape.ts KpiReport), the same numbers as the dashboard. Whole days in the
 * workspace's time zone (named in `timeZone`; amounts in `currency`), both included, at most 366; a missing, unreadable, reversed or too long range is a 400 naming it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  const parsed = KpiApiQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) return jsonError(400, { errors: fieldErrorsOf(parsed.error) })
  return Response.json(await getKpiReport({ workspaceId: workspace.id, calendar: workspace, query: parsed.data }))
}

export const action = methods.refuse
