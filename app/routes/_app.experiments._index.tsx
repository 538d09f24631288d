import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { formatCount } from '#app/components/format'
import { buttonClass } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { countVariantTotals, listExperiments } from '#app/experiments/queries.server'
import { daysRunning, formatShare } from '#app/experiments/ui-labels'
import { ExperimentStatusBadge } from '#app/experiments/ui-status-badge'
import { useMember } from '#app/routes/_app'

export const meta: MetaFunction = () => [{ title: 'Experiments · Splitform' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const rows = await listExperiments({ workspaceId: workspace.id })
  const totals = await countVariantTotals({ experimentIds: rows.map((r) => r.experiment.id), metrics: [''] })
  const visitorsOf = (experimentId: string, variantKey: string) => totals.find((t) => t.experimentId === experimentId && t.variantKey === variantKey)?.count ?? 0
  const now = new Date()
  return {
    experiments: rows.map(({ experiment: e, page }) => ({
      id: e.id,
      name: e.name,
      status: e.status,
      page,
      coverage: e.coverage,
      winnerKey: e.winnerKey,
      daysRunning: daysRunning(e, now),
      variants: e.variants.map((v) => ({ ...v, isControl: v.key === e.controlKey, visitors: visitorsOf(e.id, v.key) })),
    })),
  }
}

export default function ExperimentsRoute() {
  const { experiments } = useLoaderData<typeof loader>()
  const { canEdit } = useMember()
  return (
    <>
      <PageHeader
        title="Experiments"
        description="A/B tests across a page's variants: which converts best, and whether its leads are better."
        actions={canEdit ? <Link to="/experiments/new" className={buttonClass()}>New experiment</Link> : null}
      />
      {experiments.length === 0 ? (
        <EmptyState title="No experiments yet">
          <p>An experiment splits a published page's visitors across two or more of its variants and counts who converts.</p>
          {canEdit ? (
            <p className="mt-3"><Link to="/experiments/new" className="font-medium text-brand-700 underline">Create the first experiment</Link></p>
          ) : (
            <p className="mt-3">Editors of this workspace can create one.</p>
          )}
        </EmptyState>
      ) : (
        <Card title="All experiments">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>{['Name', 'Page', 'Status', 'Variants (weight)', 'Coverage', 'Days running', 'Visitors', 'Winner'].map((h) => <th key={h} className="py-2 pr-4 font-medium">{h}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {experiments.map((e) => (
                  <tr key={e.id} data-testid="experiment-row" className="align-top">
                    <td className="py-2 pr-4"><Link to={`/experiments/${e.id}`} className="font-medium text-brand-700 hover:underline">{e.name}</Link></td>
                    <td className="py-2 pr-4"><Link to={`/pages/${e.page.id}`} className="hover:underline">{e.page.name}</Link></td>
                    <td className="py-2 pr-4"><ExperimentStatusBadge status={e.status} /></td>
                    <td className="py-2 pr-4">
                      {e.variants.map((v) => <div key={v.key}>{v.key} {formatShare(v.weight)}{v.isControl ? <span className="text-slate-500"> (control)</span> : null}</div>)}
                    </td>
                    <td className="py-2 pr-4">{formatShare(e.coverage)}</td>
                    <td className="py-2 pr-4">{e.daysRunning ?? <span className="text-slate-500">not started</span>}</td>
                    <td className="py-2 pr-4">{e.variants.map((v) => <div key={v.key}>{v.key}: {formatCount(v.visitors)}</div>)}</td>
                    <td className="py-2 pr-4">{e.winnerKey ?? <span className="text-slate-500">none</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  )
}
