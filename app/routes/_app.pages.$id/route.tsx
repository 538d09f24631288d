import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { useDateTime } from '#app/components/use-date-time'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { Button, buttonClass } from '#app/components/ui/button'
import { Card, PageHeader } from '#app/components/ui/card'
import { FormErrorList } from '#app/components/ui/field'
import { parseForm } from '#app/http/form-data.server'
import { requireIdParam } from '#app/http/json.server'
import { titleFrom } from '#app/i18n/meta'
import { Trans, useT } from '#app/i18n/provider'
import { THEME_FONTS } from '#app/pages/puck-config'
import { getPage, getPublishState } from '#app/pages/queries.server'
import { useMember } from '#app/routes/_app'
import { PageActionSchema, runPageAction } from './actions.server'
import { PublishStateBadge, UnpublishedChangesNote } from './publish-state'
import { SettingsForm } from './settings-form'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: titleFrom(matches, data ? 'pageSettings.metaTitle' : 'pageSettings.page', { name: data?.page.name }) }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const id = requireIdParam(params.id, 'page')
  const [page, publishState] = await Promise.all([getPage({ workspaceId: workspace.id, id }), getPublishState({ workspaceId: workspace.id, pageId: id })])
  if (!page || !publishState) throw new Response('No such page in this workspace', { status: 404 })
  return { page, publishState, fonts: THEME_FONTS.map((f) => ({ id: f.id, label: f.label })) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { role: 'editor' })
  const pageId = requireIdParam(params.id, 'page')
  const parsed = await parseForm(request, PageActionSchema)
  if (!parsed.ok) return parsed.response
  return runPageAction(parsed.data, { member, pageId })
}

export default function PageRoute() {
  const { dateTime } = useDateTime()
  const { page, publishState, fonts } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit } = useMember()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const done = actionData && 'done' in actionData ? actionData : null
  const isArchived = page.status === 'archived'
  const t = useT()
  const liveNumber = page.versions[0] ? (page.versions.find((v) => v.id === page.publishedVersionId)?.number ?? '–') : null
  return (
    <>
      <PageHeader
        title={page.name}
        description={`/p/${page.slug} · ${t('pages.status', { status: page.status })}${liveNumber === null ? '' : ` · ${t('pageSettings.versionLive', { number: liveNumber })}`}`}
        actions={
          <div className="flex flex-wrap gap-2">
            {page.publishedVersionId && !isArchived ? (
              <a href={`/p/${page.slug}`} target="_blank" rel="noreferrer" className={buttonClass('secondary')}>
                {t('pageSettings.openLive')}
              </a>
            ) : null}
            {canEdit && !isArchived ? (
              <Form method="post">
                <input type="hidden" name="intent" value="publish" />
                <Button>{t('pageSettings.publishAll')}</Button>
              </Form>
            ) : null}
            {canEdit ? (
              <Form method="post">
                <input type="hidden" name="intent" value={isArchived ? 'restore' : 'archive'} />
                <Button variant={isArchived ? 'secondary' : 'danger'}>{isArchived ? t('pageSettings.restore') : t('pageSettings.archive')}</Button>
              </Form>
            ) : null}
          </div>
        }
      />
      <FormErrorList errors={errors?.formErrors} />
      {isArchived ? null : <UnpublishedChangesNote state={publishState} canEdit={canEdit} />}
      {done?.done === 'publish' || done?.done === 'revert' ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800">
          <Trans
            i18nKey="pageSettings.versionIsLive"
            values={{ number: 'version' in done ? done.version : '', path: `/p/${page.slug}` }}
            // Trans puts the message's <link> text inside the anchor.
            // eslint-disable-next-line jsx-a11y/anchor-has-content
            components={{ link: <a className="underline" href={`/p/${page.slug}`} /> }}
          />
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t('pageSettings.variants.title')} description={t('pageSettings.variants.description')}>
            <ul className="divide-y divide-slate-100">
              {page.variants.map((v) => (
                <li key={v.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="variant-row">
                  <div>
                    <p className="font-medium">
                      <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{v.key}</span>
                      {v.name}
                      <PublishStateBadge state={publishState.variants[v.key] ?? 'unpublished'} />
                    </p>
                    <p className="text-xs text-slate-500">{t('pageSettings.variants.draftSaved', { when: dateTime(v.draftUpdatedAt) })}</p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    {canEdit ? (
                      <Link to={`/editor/${page.id}/${v.key}`} className={buttonClass('secondary')}>
                        {t('pageSettings.variants.edit', { key: v.key })}
                      </Link>
                    ) : null}
                    {/* Only a variant the live version holds: for any other, the page would serve the control. */}
                    {publishState.variants[v.key] !== 'unpublished' && !isArchived ? (
                      <a href={`/p/${page.slug}?variant=${v.key}`} target="_blank" rel="noreferrer" className={buttonClass('ghost')}>
                        {t('pageSettings.variants.preview', { key: v.key })}
                      </a>
                    ) : !isArchived ? (
                      <span className="self-center text-xs text-slate-600" data-testid="no-preview">
                        {t('pageSettings.variants.noPreview', { key: v.key })}
                      </span>
                    ) : null}
                    {canEdit ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="duplicate" />
                        <input type="hidden" name="copyFrom" value={v.key} />
                        <Button variant="ghost">{t('pageSettings.variants.duplicate')}</Button>
                      </Form>
                    ) : null}
                  </div>
                  {canEdit ? (
                    <Form method="post" className="flex w-full items-center gap-2">
                      <input type="hidden" name="intent" value="renameVariant" />
                      <input type="hidden" name="key" value={v.key} />
                      <label className="sr-only" htmlFor={`variant-name-${v.key}`}>
                        {t('pageSettings.variants.nameOf', { key: v.key })}
                      </label>
                      <input id={`variant-name-${v.key}`} name="name" defaultValue={v.name} maxLength={60} className="w-56 rounded-md px-2 py-1 text-sm ring-1 ring-slate-300" />
                      <Button variant="ghost">{t('pageSettings.rename')}</Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
          <SettingsForm page={page} fonts={fonts} errors={errors} canEdit={canEdit} saved={done?.done === 'settings'} />
        </div>
        <Card title={t('pageSettings.versions.title')} description={t('pageSettings.versions.description')}>
          {page.versions.length === 0 ? (
            <p className="text-sm text-slate-600">{t('pageSettings.versions.notPublished')}</p>
          ) : (
            <ol className="divide-y divide-slate-100 text-sm">
              {page.versions.map((v) => (
                <li key={v.id} className="flex items-center justify-between gap-2 py-2" data-testid="version-row">
                  <span>
                    <strong>v{v.number}</strong> · {dateTime(v.publishedAt)}
                    {v.revertedFrom ? <span className="text-slate-500"> ({t('pageSettings.versions.restoredFrom', { number: v.revertedFrom })})</span> : null}
                    {v.id === page.publishedVersionId ? <span className="ml-2 rounded bg-green-100 px-1.5 text-xs text-green-800">{t('pageSettings.versions.live')}</span> : null}
                  </span>
                  {canEdit && v.id !== page.publishedVersionId ? (
                    <Form
                      method="post"
                      onSubmit={(e) => {
                        if (!confirm(t('pageSettings.versions.confirmRevert', { number: v.number }))) e.preventDefault()
                      }}
                    >
                      <input type="hidden" name="intent" value="revert" />
                      <input type="hidden" name="number" value={v.number} />
                      <Button variant="ghost">{t('pageSettings.versions.revert')}</Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 404: () => <NoSuchPage /> }} />
}

function NoSuchPage() {
  return <p>{useT()('pageSettings.notFound')}</p>
}
