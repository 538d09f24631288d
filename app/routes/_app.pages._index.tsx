import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { formatCount } from '#app/components/format'
import { useDateTime } from '#app/components/use-date-time'
import { Button } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { titleFrom } from '#app/i18n/meta'
import { translatorOf } from '#app/i18n/language.server'
import { useLanguage, useT } from '#app/i18n/provider'
import { createPage, listPages, pageStatus } from '#app/pages/queries.server'
import { CreatePageSchema } from '#app/pages/schema'
import { SlugField } from '#app/pages/slug-field'
import { TEMPLATES } from '#app/pages/templates/index'
import { parseTemplateLanguage } from '#app/pages/templates/locales'
import { TemplateChooser } from '#app/pages/templates/template-chooser'
import { useMember } from '#app/routes/_app'
import { TableFrame } from '#app/components/ui/table-frame'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'pages.list.title') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const filter = parseTemplateLanguage(new URL(request.url).searchParams.get('language'))
  if (!filter.ok) throw new Response(filter.message, { status: 400 })
  const rows = await listPages({ workspaceId: workspace.id })
  return {
    pages: rows.map((p) => ({ ...p, status: pageStatus(p) })),
    language: filter.locale,
    templates: TEMPLATES.filter((t) => !filter.locale || t.locale === filter.locale).map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      conversion: t.conversion,
      locale: t.locale,
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'editor' })
  const parsed = await parseForm(request, CreatePageSchema)
  if (!parsed.ok) return parsed.response
  const t = await translatorOf(request)
  const result = await createPage({ workspaceId: workspace.id, ...parsed.data, controlName: t('pages.new.controlName') })
  if (!result.ok) return badRequest({ fieldErrors: { [result.field]: [result.message] } })
  throw redirect(`/pages/${result.page.id}`)
}

type PageExperiment = Awaited<ReturnType<typeof listPages>>[number]['experiment']

/** "A/B/C test running", "Draft experiment"…: the page's experiment that matters most, linking to it. */
function ExperimentCell({ experiment }: { experiment: PageExperiment }) {
  const t = useT()
  if (!experiment) return <span className="text-slate-500">{t('pages.list.noExperiment')}</span>
  const label = t('pages.list.experiment', { status: experiment.status, variants: experiment.variantKeys.join('/') })
  return (
    <Link to={`/experiments/${experiment.id}`} className={`underline underline-offset-2 ${experiment.status === 'running' ? 'font-medium text-green-800' : 'text-slate-700'}`}>
      {label}
    </Link>
  )
}

const STATUS_STYLE = { draft: 'bg-slate-100 text-slate-700', published: 'bg-green-100 text-green-800', archived: 'bg-amber-100 text-amber-800' }

export default function PagesRoute() {
  const { dateTime } = useDateTime()
  const { pages, templates, language } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors
  const { canEdit } = useMember()
  const [name, setName] = useState('')
  const t = useT()
  const uiLanguage = useLanguage()
  return (
    <>
      <PageHeader title={t('pages.list.title')} description={t('pages.list.description')} />
      {canEdit ? (
        <Card title={t('pages.new.title')} description={t('pages.new.description')}>
          <Form method="post" className="grid gap-4 md:grid-cols-2">
            <FormErrorList errors={errors?.formErrors} />
            <Field label={t('pages.new.name')} name="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors?.fieldErrors.name?.[0]} />
            <SlugField suggestFrom={name} error={errors?.fieldErrors.slug?.[0]} />
            <TemplateChooser templates={templates} language={language} />
            <div>
              <Button>{t('pages.new.submit')}</Button>
            </div>
          </Form>
        </Card>
      ) : null}
      <div className="mt-6">
        {pages.length === 0 ? (
          <EmptyState title={t('pages.list.emptyTitle')}>
            <p>{t('pages.list.emptyHint')}</p>
          </EmptyState>
        ) : (
          <Card title={t('pages.list.allPages')}>
            <TableFrame label={t('pages.list.title')}>
              <table className="w-full text-left text-sm">
                <thead className="text-slate-500">
                  <tr>
                    {[t('pages.new.name'), t('pages.list.address'), t('pages.list.status'), t('pages.list.variants'), t('pages.list.lastPublished'), t('pages.list.experimentColumn')].map((h) => (
                      <th key={h} className="py-2 pr-4 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {pages.map((p) => (
                    <tr key={p.id} data-testid="page-row">
                      <td className="py-2 pr-4">
                        <Link to={`/pages/${p.id}`} className="font-medium text-brand-700 hover:underline">
                          {p.name}
                        </Link>
                      </td>
                      <td className="py-2 pr-4 font-mono text-xs">/p/{p.slug}</td>
                      <td className="py-2 pr-4">
                        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[p.status]}`}>{t('pages.status', { status: p.status })}</span>
                      </td>
                      <td className="py-2 pr-4">{formatCount(p.variantCount, 0, uiLanguage)}</td>
                      <td className="py-2 pr-4">{dateTime(p.lastPublishedAt, t('pages.list.never'))}</td>
                      <td className="py-2 pr-4" data-testid="page-experiment">
                        <ExperimentCell experiment={p.experiment} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          </Card>
        )}
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
