import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { titleFrom } from '#app/i18n/meta'
import { Trans, useT } from '#app/i18n/provider'
import { Form, Link, useActionData, useLoaderData, useSubmit } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { Button } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { createExperiment } from '#app/experiments/experiment.server'
import { metricKey } from '#app/experiments/schema'
import { listForms } from '#app/forms/form.server'
import { parseFormData, readForm } from '#app/http/form-data.server'
import { CreateExperimentForm, type PageChoice } from './create-form'
import { DEFAULT_SETTINGS, ExperimentFormSchema, MULTIPLE_FIELDS, planPostedPipeline, readSentFields } from './form-schema'
import { DEFAULT_MDE, planSample } from './plan'
import { getPageTraffic, listPageChoices } from './pages.server'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'experimentForm.page.title') }]

// The page is chosen first (?page=<id>, a GET, so it works without JavaScript): its variants, forms and traffic
// shape the rest of the form.
export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'editor' })
  const [pages, forms] = await Promise.all([listPageChoices({ workspaceId: workspace.id }), listForms({ workspaceId: workspace.id })])
  const requested = new URL(request.url).searchParams.get('page')
  const page = pages.find((p) => p.id === requested) ?? pages.find((p) => p.variants.length >= 2) ?? pages[0] ?? null
  const traffic = page && page.variants.length >= 2 ? await getPageTraffic({ workspaceId: workspace.id, pageId: page.id }) : null
  const plan =
    page && traffic
      ? planSample({
          traffic,
          metric: metricKey(DEFAULT_SETTINGS.primaryMetric),
          relativeMde: DEFAULT_MDE,
          confidence: DEFAULT_SETTINGS.confidence,
          variants: page.variants.length,
          coverage: DEFAULT_SETTINGS.coverage,
        })
      : null
  return { pages, forms: forms.filter((f) => !f.archivedAt).map((f) => ({ id: f.id, name: f.name })), page, traffic, plan }
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, { role: 'editor' })
  // The fields go back with any error, so that without JavaScript the form returns as the marketer left it.
  const read = await readForm(request)
  if (!read.ok) return data({ ...read.response.data, sent: {} }, read.response.init ?? undefined)
  const sent = readSentFields(read.formData)
  const parsed = parseFormData(read.formData, ExperimentFormSchema, { multiple: MULTIPLE_FIELDS })
  if (!parsed.ok) return data({ ...parsed.response.data, sent }, parsed.response.init ?? undefined)
  const input = { ...parsed.data, plannedVisitorsPerVariant: planPostedPipeline(sent, parsed.data) }
  const created = await createExperiment({ workspaceId: member.workspace.id, input, actor: { userId: member.user.id, actor: 'member' } })
  if (!created.ok) {
    // "variants.1.key" → "variants", as the form shows the parse errors.
    const fieldErrors = Object.fromEntries(Object.entries(created.errors).map(([path, messages]) => [path.split('.')[0]!, messages]))
    return data({ errors: { fieldErrors, formErrors: [] as string[] }, sent }, { status: created.status })
  }
  throw redirect(`/experiments/${created.experiment.id}`)
}

export default function NewExperimentRoute() {
  const { pages, forms, page, traffic, plan } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/experiments" className="text-brand-700 hover:underline">
          {t('results.page.allExperiments')}
        </Link>
      </p>
      <PageHeader title={t('experimentForm.page.title')} description={t('experimentForm.page.description')} />
      {pages.length === 0 ? (
        <EmptyState title={t('experimentForm.page.noPages')}>
          <p>
            <Trans i18nKey="experimentForm.page.noPagesText" components={{ link: <Link to="/pages" className="font-medium text-brand-700 underline" /> }} />
          </p>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <PagePicker pages={pages} selectedId={page?.id} />
          {page && page.variants.length < 2 ? (
            <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-800">
              <Trans i18nKey="experimentForm.page.oneVariant" values={{ name: page.name }} components={{ link: <Link to={`/pages/${page.id}`} className="underline" /> }} />
            </p>
          ) : null}
          {page && traffic && plan ? <CreateExperimentForm key={page.id} page={page} forms={forms} traffic={traffic} initialPlan={plan} errors={actionData?.errors} sent={actionData?.sent} /> : null}
        </div>
      )}
    </>
  )
}

function PagePicker({ pages, selectedId }: { pages: PageChoice[]; selectedId?: string }) {
  const submit = useSubmit()
  const t = useT()
  return (
    <Card title={t('experimentForm.page.pageTitle')} description={t('experimentForm.page.pageDescription')}>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        {/* Full width on a phone: the select is as wide as its longest page name, which widened the page to 669 px. */}
        <div className="w-full max-w-full sm:w-auto">
          <label htmlFor="experiment-page" className="block text-sm font-medium text-slate-700">
            {t('experimentForm.page.pageTitle')}
          </label>
          <select
            id="experiment-page"
            name="page"
            defaultValue={selectedId}
            onChange={(e) => submit(e.currentTarget.form)}
            className="mt-1 block w-full max-w-full rounded-md px-3 py-2 ring-1 ring-slate-300 sm:min-w-72"
          >
            {pages.map((p) => (
              <option key={p.id} value={p.id}>
                {t('experimentForm.page.option', { name: p.name, slug: p.slug, count: p.variants.length })}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t('experimentForm.page.choose')}</Button>
      </Form>
    </Card>
  )
}

export function ErrorBoundary() {
  const t = useT()
  return <GeneralErrorBoundary statusHandlers={{ 403: () => <p>{t('experimentForm.page.viewers')}</p> }} />
}
