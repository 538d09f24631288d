import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { decisionShortLabel } from '#app/components/decision-labels'
import { formatCount, formatLift, formatShare } from '#app/components/format'
import { buttonClass } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { listExperiments } from '#app/experiments/experiment.server'
import { summarizeExperiments } from '#app/experiments/results/queries.server'
import { daysRunning } from '#app/experiments/ui-labels'
import { ExperimentStatusBadge } from '#app/experiments/ui-status-badge'
import { useMember } from '#app/routes/_app'
import { TableFrame } from '#app/components/ui/table-frame'

export const meta: MetaFunction = () => [{ title: 'Experiments · Splitform' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const rows = await listExperiments({ workspaceId: workspace.id })
  const summaries = await summarizeExperiments({ workspaceId: workspace.id, experiments: rows.map((r) => r.experiment) })
  const now = new Date()
  return {
    experiments: rows.map(({ experiment: e, page }) => {
      const summary = summaries.get(e.id)
      const visitorsOf = (key: string) => summary?.variants.find((v) => v.key === key)?.visitors ?? 0
      return {
        id: e.id,
        name: e.name,
        status: e.status,
        page,
        coverage: e.coverage,
        winnerKey: e.winnerKey,
        daysRunning: daysRunning(e, now, workspace.timezone),
        variants: e.variants.map((v) => ({ ...v, isControl: v.key === e.controlKey, visitors: visitorsOf(v.key) })),
        visitors: summary?.visitors ?? 0,
        leading: summary?.leading ?? null,
        decision: summary?.decision ?? null,
        srmDetected: summary?.srmDetected ?? false,
      }
    }),
  }
}

type Row = Awaited<ReturnType<typeof loader>>['experiments'][number]

const HEADERS = ['Experiment', 'Status', 'Days running', 'Visitors', 'Leading (lift)', 'Decision']

export default function ExperimentsRoute() {
  const { experiments } = useLoaderData<typeof loader>()
  const { canEdit } = useMember()
  return (
    <>
      <PageHeader
        title="Experiments"
        description="A/B tests across a page's variants: which converts best, and whether its leads are better."
        actions={
          canEdit ? (
            <Link to="/experiments/new" className={buttonClass()}>
              New experiment
            </Link>
          ) : null
        }
      />
      {experiments.length === 0 ? (
        <EmptyState title="No experiments yet">
          <p>An experiment splits a published page's visitors across two or more of its variants and counts who converts.</p>
          {canEdit ? (
            <p className="mt-3">
              <Link to="/experiments/new" className="font-medium text-brand-700 underline">
                Create the first experiment
              </Link>
            </p>
          ) : (
            <p className="mt-3">Editors of this workspace can create one.</p>
          )}
        </EmptyState>
      ) : (
        <Card title="All experiments" description="Figures on each experiment's primary metric. Open one for its full results.">
          <TableFrame label="Experiments" className="-mx-5 px-5">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  {HEADERS.map((h) => (
                    <th key={h} scope="col" className="py-2 pr-4 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top tabular-nums">
                {experiments.map((e) => (
                  <ExperimentRow key={e.id} e={e} />
                ))}
              </tbody>
            </table>
          </TableFrame>
        </Card>
      )}
    </>
  )
}

function ExperimentRow({ e }: { e: Row }) {
  return (
    <tr data-testid="experiment-row" data-experiment={e.id}>
      <th scope="row" className="py-2 pr-4 font-normal">
        {/* inline-block with padding: a 24 px tall target, apart from the page link below it (WCAG 2.5.8). */}
        <Link to={`/experiments/${e.id}`} className="inline-block py-0.5 font-medium text-brand-700 hover:underline">
          {e.name}
        </Link>
        <span className="block text-xs text-slate-500">
          on{' '}
          <Link to={`/pages/${e.page.id}`} className="underline">
            {e.page.name}
          </Link>{' '}
          · {e.variants.map((v) => `${v.key} ${formatShare(v.weight)}`).join(' / ')}
          {e.coverage < 1 ? ` · ${formatShare(e.coverage)} coverage` : ''}
        </span>
      </th>
      <td className="py-2 pr-4">
        <ExperimentStatusBadge status={e.status} />
      </td>
      <td className="py-2 pr-4">{e.daysRunning ?? <span className="text-slate-500">not started</span>}</td>
      <td className="py-2 pr-4" data-testid="experiment-visitors">
        {formatCount(e.visitors)}
      </td>
      <td className="py-2 pr-4" data-testid="experiment-leading">
        {e.leading ? (
          <>
            {e.leading.key}
            {e.variants.find((v) => v.key === e.leading!.key)?.isControl ? (
              <span className="text-slate-500"> (control)</span>
            ) : (
              <span className="text-slate-600"> {formatLift(e.leading.relativeLift)}</span>
            )}
          </>
        ) : (
          <span className="text-slate-500">no visitors yet</span>
        )}
      </td>
      <td className="py-2 pr-4" data-testid="experiment-decision" data-status={e.decision?.status}>
        {e.winnerKey ? (
          <span className="font-medium text-green-800">Shipped: {e.winnerKey}</span>
        ) : e.status === 'concluded' ? (
          'Stopped, no winner'
        ) : e.decision ? (
          <span title={e.decision.reason}>{decisionShortLabel(e.decision)}</span>
        ) : (
          '–'
        )}
        {e.srmDetected ? (
          <span className="mt-1 block w-fit rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="srm-warning">
            ⚠ Split is off (SRM)
          </span>
        ) : null}
      </td>
    </tr>
  )
}
