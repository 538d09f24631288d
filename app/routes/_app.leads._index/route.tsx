import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { buttonClass } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { listLeadFilterOptions, listLeads, parseLeadQuery } from '#app/leads/list.server'
import { LeadFiltersForm } from './filters-form'
import { LeadTable } from './lead-table'
import { linkWith } from './query-link'

export const meta: MetaFunction = () => [{ title: 'Leads · Splitform' }]

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
  const exportHref = `/leads/export.csv${linkWith(search, { cursor: null, limit: null })}`
  return (
    <>
      <PageHeader
        title="Leads"
        description="Everyone who converted. Hot leads made a hard conversion (a demo, a quote, a call): follow them up first."
        actions={
          <div className="flex gap-2">
            <Link to="/leads/held" className={buttonClass('secondary')}>
              Held submissions
            </Link>
            <a href={exportHref} className={buttonClass('secondary')} download>
              Export CSV
            </a>
          </div>
        }
      />
      <LeadFiltersForm key={search} filters={query.filters} sort={query.sort} options={options} timeZone={timeZone} />
      {ignored.length ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Ignored filters that could not be read: {ignored.join(', ')}.
        </p>
      ) : null}
      {leads.length === 0 && isFirstPage ? (
        isFiltered ? (
          <EmptyState title="No leads match these filters">
            <p>
              Try fewer filters or another search.{' '}
              <Link to="/leads" className="text-brand-700 underline">
                Show all leads
              </Link>
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No leads yet">
            <p>Every form submission on a published page becomes a lead here, hot or cold, with its source and journey.</p>
          </EmptyState>
        )
      ) : (
        <Card>
          <LeadTable leads={leads} sort={query.sort} search={search} />
          <nav aria-label="Pages of leads" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
            {isFirstPage ? (
              <span />
            ) : (
              <Link to={linkWith(search, { cursor: null })} className={buttonClass('ghost')}>
                ← First page
              </Link>
            )}
            {next ? (
              <Link to={linkWith(search, { cursor: next })} className={buttonClass('secondary')} preventScrollReset={false}>
                Next page →
              </Link>
            ) : (
              <span className="text-slate-500">End of the list</span>
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
