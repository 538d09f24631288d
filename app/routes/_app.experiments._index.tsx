import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { formatCount, formatLift, formatShare } from '#app/components/format'
import { buttonClass } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { listExperiments } from '#app/experiments/experiment.server'
import { summarizeExperiments } from '#app/experiments/results/queries.server'
import { daysRunning } from '#app/experiments/ui-labels'
import { ExperimentStatusBadge } from '#app/experiments/ui-status-badge'
import { useMember } from '#app/routes/_app'
import { decisionShortLabelIn } from '#app/experiments/ui-words'
import { titleFrom } from '#app/i18n/meta'
import { Trans, useLanguage, useT } from '#app/i18n/provider'
import { speakerOf } from '#app/i18n/speaker.server'
import { TableFrame } from '#app/components/ui/table-frame'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'experiments.list.title') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const [rows, speaker] = await Promise.all([listExperiments({ workspaceId: workspace.id }), speakerOf(request)])
  // The decisions' sentences (each row's tooltip) in the reader's language.
  const summaries = await summarizeExperiments({ workspaceId: workspace.id, experiments: rows.map((r) => r.experiment), speaker })
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

const HEADERS = ['experiments.list.experiment', 'experiments.list.status', 'experiments.list.daysRunning', 'experiments.list.visitors', 'experiments.list.leading', 'experiments.list.decision']

export default function ExperimentsRoute() {
  const { experiments } = useLoaderData<typeof loader>()
  const { canEdit } = useMember()
  const t = useT()
  return (
    <>
      <PageHeader
        title={t('experiments.list.title')}
        description={t('experiments.list.description')}
        actions={
          canEdit ? (
            <Link to="/experiments/new" className={buttonClass()}>
              {t('experiments.list.new')}
            </Link>
          ) : null
        }
      />
      {experiments.length === 0 ? (
        <EmptyState title={t('experiments.list.emptyTitle')}>
          <p>{t('experiments.list.emptyText')}</p>
          {canEdit ? (
            <p className="mt-3">
              <Link to="/experiments/new" className="font-medium text-brand-700 underline">
                {t('experiments.list.createFirst')}
              </Link>
            </p>
          ) : (
            <p className="mt-3">{t('experiments.list.editorsCan')}</p>
          )}
        </EmptyState>
      ) : (
        <Card title={t('experiments.list.all')} description={t('experiments.list.allDescription')}>
          <TableFrame label={t('experiments.list.title')} className="-mx-5 px-5">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  {HEADERS.map((h) => (
                    <th key={h} scope="col" className="py-2 pr-4 font-medium">
                      {t(h)}
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
  const t = useT()
  const language = useLanguage()
  return (
    <tr data-testid="experiment-row" data-experiment={e.id}>
      <th scope="row" className="py-2 pr-4 font-normal">
        {/* inline-block with padding: a 24 px tall target, apart from the page link below it (WCAG 2.5.8). */}
        <Link to={`/experiments/${e.id}`} className="inline-block py-0.5 font-medium text-brand-700 hover:underline">
          {e.name}
        </Link>
        <span className="block text-xs text-slate-500">
          <Trans
            i18nKey="experiments.list.onPage"
            values={{
              name: e.page.name,
              split: e.variants.map((v) => `${v.key} ${formatShare(v.weight, language)}`).join(' / '),
              partial: e.coverage < 1 ? 'yes' : 'no',
              coverage: formatShare(e.coverage, language),
            }}
            components={{ link: <Link to={`/pages/${e.page.id}`} className="underline" /> }}
          />
        </span>
      </th>
      <td className="py-2 pr-4">
        <ExperimentStatusBadge status={e.status} />
      </td>
      <td className="py-2 pr-4">{e.daysRunning ?? <span className="text-slate-500">{t('experiments.list.notStarted')}</span>}</td>
      <td className="py-2 pr-4" data-testid="experiment-visitors">
        {formatCount(e.visitors, 0, language)}
      </td>
      <td className="py-2 pr-4" data-testid="experiment-leading">
        {e.leading ? (
          <>
            {e.leading.key}
            {e.variants.find((v) => v.key === e.leading!.key)?.isControl ? (
              <span className="text-slate-500"> {t('experiments.list.control')}</span>
            ) : (
              <span className="text-slate-600"> {formatLift(e.leading.relativeLift, 1, language)}</span>
            )}
          </>
        ) : (
          <span className="text-slate-500">{t('experiments.list.noVisitors')}</span>
        )}
      </td>
      <td className="py-2 pr-4" data-testid="experiment-decision" data-status={e.decision?.status}>
        {e.winnerKey ? (
          <span className="font-medium text-green-800">{t('experiments.list.shipped', { variant: e.winnerKey })}</span>
        ) : e.status === 'concluded' ? (
          t('experiments.list.stoppedNoWinner')
        ) : e.decision ? (
          <span title={e.decision.reason}>{decisionShortLabelIn(t, e.decision)}</span>
        ) : (
          '–'
        )}
        {e.srmDetected ? (
          <span className="mt-1 block w-fit rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="srm-warning">
            {t('experiments.list.srm')}
          </span>
        ) : null}
      </td>
    </tr>
  )
}
