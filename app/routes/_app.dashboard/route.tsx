import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { titleFrom } from '#app/i18n/meta'
import { today } from '#app/time/days'
import { getKpiReport } from '#app/kpis/queries.server'
import { countLeadConfirmations } from '#app/leads/visitor-mail.server'
import { useMember } from '#app/routes/_app'
import { hasAnyActivity } from './activity.server'
import { ConfirmationCounts } from './confirmations'
import { DashboardReport, NewWorkspace } from './dashboard-report'
import { readDashboardQuery } from './period'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'dashboard.title') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const { selection, query, ignored } = readDashboardQuery(new URL(request.url).searchParams, today(new Date(), workspace.timezone))
  if (!(await hasAnyActivity({ workspaceId: workspace.id }))) return { selection, ignored, report: null, confirmations: null }
  const [report, confirmations] = await Promise.all([getKpiReport({ workspaceId: workspace.id, calendar: workspace, query }), countLeadConfirmations({ workspaceId: workspace.id })])
  return { selection, ignored, report, confirmations }
}

export default function DashboardRoute() {
  const { selection, ignored, report, confirmations } = useLoaderData<typeof loader>()
  const { canEdit } = useMember()
  const { search } = useLocation()
  if (!report) return <NewWorkspace canEdit={canEdit} />
  return (
    <>
      {confirmations ? <ConfirmationCounts counts={confirmations} /> : null}
      <DashboardReport report={report} selection={selection} ignored={ignored} canEdit={canEdit} pickerKey={search} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
