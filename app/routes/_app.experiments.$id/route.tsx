import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { formatCount, formatDateTime, formatPercent } from '#app/components/format'
import { Card, PageHeader } from '#app/components/ui/card'
import { countVariantTotals, getExperiment, listExperimentEvents } from '#app/experiments/queries.server'
import { metricKey } from '#app/experiments/schema'
import { daysRunning, formatShare, metricLabel } from '#app/experiments/ui-labels'
import { ExperimentStatusBadge } from '#app/experiments/ui-status-badge'
import { listForms } from '#app/forms/queries.server'
import { parseForm } from '#app/http/form-data.server'
import { requireIdParam } from '#app/http/json.server'
import { useMember } from '#app/routes/_app'
import { ExperimentActionSchema, runExperimentAction } from './actions.server'
import { ExperimentHistory } from './history'
import { LifecycleControls } from './lifecycle'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.experiment.name ?? 'Experiment'} · Splitform` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const id = requireIdParam(params.id, 'experiment')
  const found = await getExperiment({ workspaceId: workspace.id, id })
  if (!found) throw new Response('No such experiment in this workspace', { status: 404 })
  // The seed stays on the server: with it, anyone could work out which variant a visitor id gets.
  const { experiment: { seed: _seed, ...e }, page } = found
  const primary = metricKey(e.primaryMetric)
  const metrics = [e.primaryMetric, ...e.secondaryMetrics]
  const [totals, events, forms] = await Promise.all([
    countVariantTotals({ experimentIds: [id], metrics: ['', primary] }),
    listExperimentEvents({ experimentId: id }),
    metrics.some((m) => typeof m === 'object') ? listForms({ workspaceId: workspace.id }) : [],
  ])
  const formNames = Object.fromEntries(forms.map((f) => [f.id, f.name]))
  const count = (variantKey: string, metric: string) => totals.find((t) => t.variantKey === variantKey && t.metric === metric)?.count ?? 0
  return {
    experiment: {
      ...e,
      primaryMetric: metricLabel(e.primaryMetric, formNames),
      secondaryMetrics: e.secondaryMetrics.map((m) => metricLabel(m, formNames)),
      daysRunning: daysRunning(e),
    },
    page,
    variants: e.variants.map((v) => ({ ...v, visitors: count(v.key, ''), converted: count(v.key, primary) })),
    events: events.map(({ id, action, detail, actor, userName, createdAt }) => ({ id, action, detail, actor, userName, createdAt })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { role: 'editor' })
  const experimentId = requireIdParam(params.id, 'experiment')
  const parsed = await parseForm(request, ExperimentActionSchema)
  if (!parsed.ok) return parsed.response
  return runExperimentAction(parsed.data, { member, experimentId })
}

const DONE: Record<string, string> = { start: 'Started.', pause: 'Paused.', resume: 'Resumed.', stop: 'Stopped.', winner: 'Winner declared.', coverage: 'Coverage changed.' }

export default function ExperimentRoute() {
  const { experiment: e, page, variants, events } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit } = useMember()
  const failure = actionData && 'errors' in actionData ? actionData : null
  const settings: [string, React.ReactNode][] = [
    ['Page', <Link key="page" to={`/pages/${page.id}`} className="text-brand-700 hover:underline">{page.name} (/p/{page.slug})</Link>],
    ['Status', <ExperimentStatusBadge key="status" status={e.status} />],
    ['Variants', e.variants.map((v) => `${v.key} ${formatShare(v.weight)}`).join(' · ')],
    ['Control', e.controlKey],
    ['Coverage', formatShare(e.coverage)],
    ['Primary metric', e.primaryMetric],
    ['Secondary metrics', e.secondaryMetrics.join(', ') || 'none'],
    ['Confidence', formatPercent(e.confidence, 0)],
    ['Minimum runtime', `${e.minRuntimeDays} days`],
    ['Planned visitors per variant', e.plannedVisitorsPerVariant === null ? 'not set' : formatCount(e.plannedVisitorsPerVariant)],
    ['Auto-ship the winner', e.autoShip ? 'yes' : 'no'],
    ['Started', formatDateTime(e.startedAt, 'not yet')],
    ['Days running', e.daysRunning === null ? '–' : String(e.daysRunning)],
    ['Concluded', formatDateTime(e.concludedAt, 'not yet')],
    ['Winner', e.winnerKey ?? 'none'],
  ]
  return (
    <>
      <p className="mb-2 text-sm"><Link to="/experiments" className="text-brand-700 hover:underline">← All experiments</Link></p>
      <PageHeader title={e.name} description={e.hypothesis || undefined} actions={<ExperimentStatusBadge status={e.status} />} />
      {actionData && 'done' in actionData ? <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800">{DONE[actionData.done]}</p> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Visitors so far" description={`Converted visitors count the primary metric (${e.primaryMetric}). The full results, with intervals and significance, are not here yet: don't call a winner from these rates alone.`}>
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>{['Variant', 'Weight', 'Visitors', 'Converted', 'Rate'].map((h) => <th key={h} className="py-2 pr-4 font-medium">{h}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {variants.map((v) => (
                  <tr key={v.key} data-testid="variant-totals">
                    <td className="py-2 pr-4 font-medium">{v.key}{v.key === e.controlKey ? <span className="font-normal text-slate-500"> (control)</span> : null}{v.key === e.winnerKey ? <span className="font-normal text-green-700"> (winner)</span> : null}</td>
                    <td className="py-2 pr-4">{formatShare(v.weight)}</td>
                    <td className="py-2 pr-4">{formatCount(v.visitors)}{e.plannedVisitorsPerVariant ? <span className="text-slate-500"> of {formatCount(e.plannedVisitorsPerVariant)}</span> : null}</td>
                    <td className="py-2 pr-4">{formatCount(v.converted)}</td>
                    <td className="py-2 pr-4">{v.visitors ? formatPercent(v.converted / v.visitors) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <Card title="Settings">
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {settings.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-slate-500">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
        <div className="space-y-6">
          {canEdit ? (
            <LifecycleControls status={e.status} coverage={e.coverage} variantKeys={e.variants.map((v) => v.key)} winnerKey={e.winnerKey} failure={failure} />
          ) : (
            <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-600">You are a viewer here: editors and owners start, pause and stop experiments. Weights cannot change while an experiment runs.</p>
          )}
          <ExperimentHistory events={events} />
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 404: () => <p>No such experiment in this workspace.</p> }} />
}
