import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { buttonClass } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { titleFrom } from '#app/i18n/meta'
import { Trans, useT } from '#app/i18n/provider'
import { listLeadFilterOptions, listLeads, parseLeadQuery } from '#app/leads/list.server'
import { LeadFiltersForm } from './filters-form'
import { LeadTable } from './lead-table'
import { linkWith } from './query-link'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'leads.inbox.title') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  // The URL holds the inbox's state; a parameter it cannot read is dropped (and named) rather than failing the page.
  const parsed = parseLeadQuery(new URL(request.url).searchParams, { lenient: true })
  if (!parsed.ok) throw new Response('Unreadable filters', { status: 400 })
  const { query, ignored } = parsed
  const [page, options] = await Promise.all([listLeads({ workspaceId: workspace.id, timeZone: workspace.timezone, ...query }), listLeadFilterOptions({ workspaceId: workspace.id })])
  const isFiltered = Object.values(query.filters).some((v) => v !== undefined)
  return { ...page, query: { filters: query.filters, sort: query.sort }, isFirstPage: !query.cursor, isFiltered, ignored, options, timeZone: workspace.timezone }
}

export default function LeadsRoute() {
  const { leads, next, query, isFirstPage, isFiltered, ignored, options, timeZone } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const t = useT()
  const exportHref = `/leads/export.csv${linkWith(search, { cursor: null, limit: null })}`
  return (
    <>
      <PageHeader
        title={t('leads.inbox.title')}
        description={t('leads.inbox.description')}
        actions={
          <div className="flex gap-2">
            <Link to="/leads/held" className={buttonClass('secondary')}>
              {t('leads.held.title')}
            </Link>
            <a href={exportHref} className={buttonClass('secondary')} download>
              {t('leads.inbox.exportCsv')}
            </a>
          </div>
        }
      />
      <LeadFiltersForm key={search} filters={query.filters} sort={query.sort} options={options} timeZone={timeZone} />
      {ignored.length ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t('leads.inbox.ignoredFilters', { names: ignored.join(', ') })}
        </p>
      ) : null}
      {leads.length === 0 && isFirstPage ? (
        isFiltered ? (
          <EmptyState title={t('leads.inbox.noMatchTitle')}>
            <p>
              <Trans i18nKey="leads.inbox.noMatchHint" components={{ link: <Link to="/leads" className="text-brand-700 underline" /> }} />
            </p>
          </EmptyState>
        ) : (
          <EmptyState title={t('leads.inbox.emptyTitle')}>
            <p>{t('leads.inbox.emptyHint')}</p>
          </EmptyState>
        )
      ) : (
        <Card>
          <LeadTable leads={leads} sort={query.sort} search={search} />
          <nav aria-label={t('leads.inbox.pagesOfLeads')} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
            {isFirstPage ? (
              <span />
            ) : (
              <Link to={linkWith(search, { cursor: null })} className={buttonClass('ghost')}>
                ← {t('leads.inbox.firstPage')}
              </Link>
            )}
            {next ? (
              <Link to={linkWith(search, { cursor: next })} className={buttonClass('secondary')} preventScrollReset={false}>
                {t('leads.inbox.nextPage')} →
              </Link>
            ) : (
              <span className="text-slate-500">{t('leads.inbox.endOfList')}</span>
            )}
          </nav>
        </Card>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
