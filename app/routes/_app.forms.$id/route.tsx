import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { createDownloadLink } from '#app/assets/download-link.server'
import { listAssets } from '#app/assets/asset.server'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useDateTime } from '#app/components/use-date-time'
import { Button } from '#app/components/ui/button'
import { PageHeader } from '#app/components/ui/card'
import { fromDefinition } from '#app/forms/builder'
import { ConversionBadge } from '#app/forms/conversion-badge'
import { getForm } from '#app/forms/form.server'
import { requireIdParam } from '#app/http/json.server'
import { titleFrom } from '#app/i18n/meta'
import { useT } from '#app/i18n/provider'
import { listPages } from '#app/pages/queries.server'
import { useMember } from '#app/routes/_app'
import { runFormAction } from './actions.server'
import { FormBuilder } from './form-builder'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: titleFrom(matches, data ? 'formBuilder.metaTitle' : 'formBuilder.metaForm', { name: data?.form.name }) }]

/** How long the builder's own "open the file" links work: long enough for a working session. */
const MEMBER_LINK_SECONDS = 3600

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const form = await getForm({ workspaceId: workspace.id, id: requireIdParam(params.id, 'form') })
  if (!form) throw new Response('No such form in this workspace', { status: 404 })
  const [assets, pages] = await Promise.all([listAssets({ workspaceId: workspace.id }), listPages({ workspaceId: workspace.id })])
  return {
    form: { id: form.id, name: form.name, archivedAt: form.archivedAt, updatedAt: form.updatedAt },
    values: fromDefinition(form.name, form.definition),
    assets: assets.map((a) => ({
      id: a.id,
      filename: a.filename,
      size: a.size,
      url: createDownloadLink({ workspaceId: workspace.id, formId: form.id, conversionId: null, asset: { id: a.id }, ttlSeconds: MEMBER_LINK_SECONDS }),
    })),
    // Suggestions for the "next step" link, e.g. a demo-booking page after a whitepaper download.
    pagePaths: pages.filter((p) => !p.archivedAt).map((p) => ({ path: `/p/${p.slug}`, name: p.name })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { role: 'editor' })
  return runFormAction(request, { member, formId: requireIdParam(params.id, 'form') })
}

export default function FormRoute() {
  const { dateTime } = useDateTime()
  const { form, values, assets, pagePaths } = useLoaderData<typeof loader>()
  const { canEdit } = useMember()
  const isArchived = Boolean(form.archivedAt)
  const t = useT()
  return (
    <>
      <PageHeader
        title={form.name}
        description={t('formBuilder.lastSaved', { archived: isArchived ? 'yes' : 'no', when: dateTime(form.updatedAt) })}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ConversionBadge type={values.conversionType} />
            <Link to="/forms" className="text-sm text-brand-700 hover:underline">
              {t('formBuilder.allForms')}
            </Link>
            {canEdit ? (
              <Form method="post">
                <input type="hidden" name="intent" value={isArchived ? 'restore' : 'archive'} />
                <Button variant={isArchived ? 'secondary' : 'danger'}>{isArchived ? t('formBuilder.restore') : t('formBuilder.archive')}</Button>
              </Form>
            ) : null}
          </div>
        }
      />
      {isArchived ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-800">
          {t('formBuilder.archivedNotice')}
        </p>
      ) : null}
      <FormBuilder key={form.id} formId={form.id} initial={values} canEdit={canEdit} assets={assets} pagePaths={pagePaths} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 404: () => <NoSuchForm /> }} />
}

function NoSuchForm() {
  return <p>{useT()('formBuilder.notFound')}</p>
}
