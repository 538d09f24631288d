import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import type { CsvTable } from '#app/experiments/results/csv'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { PageHeader } from '#app/components/ui/card'
import { isWatching } from '#app/experiments/alerts.server'
import { getExperiment, listExperimentEvents } from '#app/experiments/experiment.server'
import { getExperimentResults } from '#app/experiments/results/queries.server'
import { daysRunning } from '#app/experiments/ui-labels'
import { metricLabelIn, translateMetricOption } from '#app/experiments/ui-words'
import type { MetricOption } from '#app/experiments/results/shape'
import { translatorOf } from '#app/i18n/language.server'
import { titleFrom } from '#app/i18n/meta'
import { Trans, useT } from '#app/i18n/provider'
import { speakerOf } from '#app/i18n/speaker.server'
import { ExperimentStatusBadge } from '#app/experiments/ui-status-badge'
import { parseForm } from '#app/http/form-data.server'
import { requireIdParam } from '#app/http/json.server'
import { useMember } from '#app/routes/_app'
import { ExperimentActionSchema, runExperimentAction } from './actions.server'
import { BreakdownsSection } from './breakdowns'
import { ResultsCharts } from './charts-section'
import { ConsentSection } from './consent-section'
import { CsvDownloadLink } from './csv-download'
import { DecisionBanner } from './decision-banner'
import { DeclareWinnerConfirmation } from './declare-winner'
import { GuardrailNote } from './guardrail-note'
import { ExperimentHistory } from './history'
import { LeadQualitySection } from './lead-quality'
import { LifecycleControls } from './lifecycle'
import { MetricSwitcher } from './metric-switcher'
import { PipelineTable } from './pipeline-table'
import { ResultsProgressCard } from './progress'
import { ExperimentSettings } from './settings'
import { SrmLine } from './srm-line'
import { UnitLine } from './unit-line'
import { VariantTable } from './variant-table'
import { WinnerConflictNote } from './winner-conflict-note'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: titleFrom(matches, 'results.page.metaTitle', { name: data?.experiment.name ?? '' }) }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireMember(request)
  const id = requireIdParam(params.id, 'experiment')
  const [t, speaker] = await Promise.all([translatorOf(request), speakerOf(request)])
  const query = new URL(request.url).searchParams
  const found = await getExperiment({ workspaceId: workspace.id, id })
  if (!found) throw new Response(t('results.page.notFound'), { status: 404 })
  // The seed stays on the server: with it, anyone could work out which variant a visitor id gets.
  const {
    experiment: { seed: _seed, ...e },
    page,
  } = found
  const [outcome, events, watching] = await Promise.all([
    getExperimentResults({ workspaceId: workspace.id, id, metric: query.get('metric'), loaded: found, speaker }),
    listExperimentEvents({ experimentId: id }),
    isWatching({ experimentId: id, userId: user.id }),
  ])
  if (!outcome.ok) throw new Response(Object.values(outcome.errors).flat().join(' '), { status: outcome.status })
  const { formNames } = outcome
  // The metric names in the reader's language; the API's stay English (compute.ts).
  const label = <M extends MetricOption>(option: M) => translateMetricOption(t, option, formNames)
  const results = { ...outcome.results, metric: label(outcome.results.metric), metrics: outcome.results.metrics.map(label) }
  const declare = query.get('declare')
  return {
    experiment: {
      ...e,
      primaryMetric: metricLabelIn(t, e.primaryMetric, formNames),
      secondaryMetrics: e.secondaryMetrics.map((m) => metricLabelIn(t, m, formNames)),
      daysRunning: daysRunning(e, new Date(), found.timeZone),
    },
    page,
    // The creator gets the alerts anyway; anyone else watches to get them too.
    alerts: { isCreator: e.createdBy === user.id, isWatching: watching },
    results,
    // The winner confirmation is open for `?declare=B` while a winner can still be declared.
    declare: declare && e.status !== 'draft' && !e.winnerKey ? declare : null,
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

const DONE: Record<string, string> = {
  start: 'results.page.done.start',
  pause: 'results.page.done.pause',
  resume: 'results.page.done.resume',
  stop: 'results.page.done.stop',
  winner: 'results.page.done.winner',
  coverage: 'results.page.done.coverage',
}

export default function ExperimentRoute() {
  const { experiment: e, page, alerts, results, declare, events } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit, workspace } = useMember()
  const t = useT()
  const failure = actionData && 'errors' in actionData ? actionData : null
  const { metric, decision } = results
  const metricQuery = `?metric=${encodeURIComponent(metric.param)}`
  const declareHref = canEdit && e.status !== 'draft' && !e.winnerKey ? (key: string) => `${metricQuery}&declare=${encodeURIComponent(key)}#declare` : null
  const csv = (table: CsvTable) => <CsvDownloadLink experimentId={e.id} table={table} metricParam={metric.param} />
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/experiments" className="text-brand-700 hover:underline">
          {t('results.page.allExperiments')}
        </Link>
      </p>
      <PageHeader
        title={e.name}
        description={e.hypothesis || undefined}
        actions={
          <>
            <ExperimentStatusBadge status={e.status} />
            <WatchToggle experimentId={e.id} {...alerts} />
          </>
        }
      />
      <div className="space-y-6">
        <p className="-mt-4 text-sm text-slate-600">
          <Trans
            i18nKey="results.page.onPage"
            values={{ name: page.name, slug: page.slug, started: e.daysRunning === null ? 'no' : 'yes', day: e.daysRunning ?? 0, minimum: e.minRuntimeDays }}
            components={{
              // Underlined: inside a sentence, a link told apart by its colour alone fails WCAG 1.4.1.
              link: <Link to={`/pages/${page.id}`} className="text-brand-700 underline" />,
            }}
          />
        </p>
        {actionData && 'done' in actionData ? (
          <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
            {DONE[actionData.done] ? t(DONE[actionData.done]!) : null}
          </p>
        ) : null}
        <MetricSwitcher metrics={results.metrics} current={metric} maturity={results.maturity} />
        <DecisionBanner decision={decision} srm={results.srm} experiment={results.experiment} metricLabel={metric.label} declareHref={declareHref} />
        <SrmLine srm={results.srm} />
        <UnitLine results={results} />
        {results.guardrail && e.status !== 'concluded' ? <GuardrailNote guardrail={results.guardrail} autoShip={e.autoShip && metric.isPrimary} isRunning={e.status === 'running'} /> : null}
        {results.winnerConflict ? <WinnerConflictNote conflict={results.winnerConflict} /> : null}
        {declare && canEdit ? <DeclareWinnerConfirmation variantKey={declare} results={results} primaryLabel={e.primaryMetric} /> : null}
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <ResultsProgressCard progress={results.progress} decision={decision} isConcluded={e.status === 'concluded'} />
          <div id="actions">
            {canEdit ? (
              <LifecycleControls
                status={e.status}
                coverage={e.coverage}
                variantKeys={e.variants.map((v) => v.key)}
                winnerKey={e.winnerKey}
                failure={failure}
                metricParam={metric.param}
                suggestedWinner={decision.status === 'winner' ? decision.variant : null}
              />
            ) : (
              <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-600">{t('results.page.viewerNote')}</p>
            )}
          </div>
        </div>
        {/* The variant table and the charts belong to other cards; their downloads sit just above them. */}
        <div className="space-y-2">
          <p className="flex justify-end">{csv('variants')}</p>
          {metric.key === 'pipeline' ? (
            <PipelineTable variants={results.pipeline.variants} control={e.controlKey} confidence={e.confidence} currency={workspace.currency} />
          ) : (
            <VariantTable variants={results.variants} control={e.controlKey} confidence={e.confidence} metricLabel={metric.label} />
          )}
        </div>
        <div className="space-y-2">
          <p className="flex justify-end">{csv('daily')}</p>
          <ResultsCharts daily={results.daily} variantKeys={e.variants.map((v) => v.key)} control={e.controlKey} confidence={e.confidence} timeZone={results.progress.timeZone} />
        </div>
        <LeadQualitySection leadQuality={results.leadQuality} variants={results.variants} metricLabel={metric.label} currency={workspace.currency} download={csv('lead_quality')} />
        <ConsentSection consent={results.consent} />
        <BreakdownsSection breakdowns={results.breakdowns} control={e.controlKey} downloads={{ device: csv('device'), channel: csv('channel') }} />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <ExperimentSettings experiment={e} page={page} />
          <ExperimentHistory events={events} />
        </div>
      </div>
    </>
  )
}

/** Alerts (SRM, a winner, no traffic, minimum runtime) by email to the creator and to whoever watches. */
function WatchToggle({ experimentId, isCreator, isWatching }: { experimentId: string; isCreator: boolean; isWatching: boolean }) {
  const t = useT()
  if (isCreator) return <span className="ml-2 text-xs text-slate-600">{t('results.page.creatorAlerts')}</span>
  return (
    <Form method="post" action={`/experiments/${experimentId}/watch`} className="ml-2 inline">
      <input type="hidden" name="watch" value={isWatching ? 'off' : 'on'} />
      <button type="submit" className="rounded-md px-2 py-1 text-sm text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50" aria-pressed={isWatching}>
        {isWatching ? t('results.page.stopWatching') : t('results.page.watch')}
      </button>
    </Form>
  )
}

export function ErrorBoundary() {
  const t = useT()
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: () => <p>{t('results.page.notFoundSentence')}</p>,
        400: ({ data }) => (
          <p>
            {typeof data === 'string' ? data : t('results.page.badLink')}{' '}
            <Link to="." className="text-brand-700 underline">
              {t('results.page.showPrimary')}
            </Link>
          </p>
        ),
      }}
    />
  )
}
