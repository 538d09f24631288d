import type { Data } from '@puckeditor/core'
import puckCss from '@puckeditor/core/no-external.css?url'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useFetcher, useLoaderData } from '@remix-run/react'
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { formatClockTime } from '#app/components/format'
import { useHydrated } from '#app/components/use-hydrated'
import { titleFrom } from '#app/i18n/meta'
import { useLanguage, useMessage, useT } from '#app/i18n/provider'
import { listFormChoices } from '#app/forms/form.server'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { parseJsonText, requireIdParam } from '#app/http/json.server'
import { documentProblemIn } from '#app/pages/document-problems'
import type { EmptyFormBlockProblem } from '#app/pages/publish-check'
import { PublishRefusal } from '#app/pages/publish-refusal'
import { getPage, getPublishState, getVariant, publishPage, saveVariantDraft } from '#app/pages/queries.server'
import type { VariantPublishState } from '#app/pages/publish-state.server'

// The editor (and Puck with it) loads only on this route and only in the browser.
const PageEditor = lazy(() => import('#app/pages/page-editor'))

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: puckCss }]
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: titleFrom(matches, 'pages.editor.metaTitle', { name: data?.page.name ?? '', key: data?.variant.key ?? '' }) }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'editor' })
  const pageId = requireIdParam(params.pageId, 'page')
  const [page, variant, forms, publishState] = await Promise.all([
    getPage({ workspaceId: workspace.id, id: pageId }),
    getVariant({ workspaceId: workspace.id, pageId, key: params.key! }),
    listFormChoices({ workspaceId: workspace.id }),
    getPublishState({ workspaceId: workspace.id, pageId }),
  ])
  if (!page || !variant || !publishState) throw new Response('No such page or variant in this workspace', { status: 404 })
  return {
    forms,
    page: {
      id: page.id,
      name: page.name,
      slug: page.slug,
      settings: page.settings,
      variants: page.variants.map((v) => ({ key: v.key, name: v.name, state: publishState.variants[v.key] ?? ('unpublished' as const) })),
    },
    variant: { key: variant.key, name: variant.name, draft: variant.draft, savedAt: variant.draftUpdatedAt },
  }
}

const EditorActionSchema = z.object({
  intent: z.enum(['save', 'publish'], { error: 'Unknown action' }),
  draft: z.string().max(1_100_000, 'The page is larger than 1 MB'),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { role: 'editor' })
  const pageId = requireIdParam(params.pageId, 'page')
  const parsed = await parseForm(request, EditorActionSchema)
  if (!parsed.ok) return parsed.response
  const draft = parseJsonText(parsed.data.draft)
  if (!draft.ok)
    return badRequest(draft.unsafe ? { fieldErrors: { [`draft.${draft.unsafe.path}`]: [draft.unsafe.message] } } : { formErrors: ['The editor sent a damaged page; reload and try again'] })
  const saved = await saveVariantDraft({ workspaceId: member.workspace.id, pageId, key: params.key!, draft: draft.value })
  if (!saved.ok) {
    if (saved.status === 404) throw new Response('No such variant', { status: 404 })
    return badRequest({ formErrors: saved.errors })
  }
  if (parsed.data.intent === 'save') return { savedAt: saved.savedAt.toISOString() }
  const published = await publishPage({ workspaceId: member.workspace.id, pageId, userId: member.user.id })
  // A Form block without a form: the draft is saved, and the editor offers fixes (publish-refusal.tsx).
  if (!published.ok && published.status === 409) return data({ errors: { fieldErrors: {}, formErrors: published.errors }, emptyFormBlocks: published.emptyFormBlocks }, { status: 409 })
  if (!published.ok) return badRequest({ formErrors: published.errors })
  return { savedAt: saved.savedAt.toISOString(), publishedVersion: published.version.number, publishedAt: published.version.publishedAt.toISOString() }
}

const AUTOSAVE_MS = 800

const STATE_LABEL = {
  live: 'pageSettings.publishState.live',
  changed: 'pageSettings.publishState.changed',
  unpublished: 'pageSettings.publishState.unpublished',
} as const satisfies Record<VariantPublishState, string>

export default function EditorRoute() {
  const { page, variant, forms } = useLoaderData<typeof loader>()
  const save = useFetcher<typeof action>()
  // Publishing has its own fetcher, so the next autosave does not wipe its outcome off the screen.
  const publisher = useFetcher<typeof action>({ key: `publish-${page.id}` })
  const isHydrated = useHydrated()
  const t = useT()
  // Which of the two the status line reports: the one submitted last.
  const [latest, setLatest] = useState<'save' | 'publish'>('save')
  const pending = useRef<Data | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  // A refused publish stays on screen with its fixes (publish-refusal.tsx) until the next one; a fix changes the
  // stored draft on the server, and the editor restarts on it.
  const [refusal, setRefusal] = useState<{ blocks: EmptyFormBlockProblem[]; count: number } | null>(null)
  const [fixed, setFixed] = useState<{ draft: unknown; count: number } | null>(null)
  // Adjusted while rendering (React's pattern for state that follows a changing value), once per answer.
  const [seen, setSeen] = useState(publisher.data)
  if (publisher.state === 'idle' && publisher.data !== seen) {
    setSeen(publisher.data)
    const answer = publisher.data
    if (answer && 'emptyFormBlocks' in answer) setRefusal((old) => ({ blocks: answer.emptyFormBlocks, count: (old?.count ?? 0) + 1 }))
  }

  const saveDraft = (data: Data) => {
    setLatest('save')
    void save.submit({ intent: 'save', draft: JSON.stringify(data) }, { method: 'post' })
  }
  // Autosave: the latest document, once typing pauses. Keeping it in a ref means typing never re-renders this route.
  const onChange = (data: Data) => {
    pending.current = data
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      if (pending.current) saveDraft(pending.current)
      pending.current = null
    }, AUTOSAVE_MS)
  }
  const submitPublish = publisher.submit
  const onPublish = useCallback(
    (data: Data) => {
      clearTimeout(timer.current)
      pending.current = null
      setLatest('publish')
      void submitPublish({ intent: 'publish', draft: JSON.stringify(data) }, { method: 'post' })
    },
    [submitPublish],
  )
  useEffect(() => () => clearTimeout(timer.current), [])

  const current = page.variants.find((v) => v.key === variant.key)!

  return (
    <div className="flex h-screen flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 text-sm">
        <Link to={`/pages/${page.id}`} className="font-medium text-brand-700">
          ← {page.name}
        </Link>
        <span className="text-slate-500">{t('pages.editor.variant')}</span>
        <nav aria-label={t('pageSettings.variants.title')} className="flex gap-1">
          {page.variants.map((v) => (
            <Link
              key={v.key}
              to={`/editor/${page.id}/${v.key}`}
              reloadDocument
              aria-current={v.key === variant.key ? 'page' : undefined}
              className={`inline-flex items-center gap-1 rounded px-2 py-0.5 font-mono ${v.key === variant.key ? 'bg-brand-600 text-white' : 'bg-slate-100'}`}
              title={`${v.name}: ${t(STATE_LABEL[v.state]).toLowerCase()}`}
            >
              {v.key}
              {v.state === 'live' ? null : <span aria-hidden="true" className="size-1.5 rounded-full bg-amber-500" />}
              <span className="sr-only">, {t(STATE_LABEL[v.state]).toLowerCase()}</span>
            </Link>
          ))}
        </nav>
        <span
          data-testid="variant-publish-state"
          data-state={current.state}
          className={`rounded px-1.5 py-0.5 text-xs font-medium ${current.state === 'live' ? 'bg-green-100 text-green-800' : 'bg-amber-100 text-amber-900'}`}
        >
          {variant.key}: {t(STATE_LABEL[current.state])}
        </span>
        <EditorStatus save={save} publisher={publisher} latest={latest} savedAt={variant.savedAt} slug={page.slug} />
      </div>
      {refusal ? (
        <PublishRefusal
          key={refusal.count}
          pageId={page.id}
          blocks={refusal.blocks}
          forms={forms}
          onFixed={(f) => f.key === variant.key && setFixed((old) => ({ draft: f.draft, count: (old?.count ?? 0) + 1 }))}
          onClose={() => setRefusal(null)}
        />
      ) : null}
      <div className="min-h-0 flex-1">
        {isHydrated ? (
          <Suspense fallback={<p className="p-6 text-slate-500">{t('pages.editor.loading')}</p>}>
            <PageEditor
              key={`${variant.key}:${fixed?.count ?? 0}`}
              data={(fixed?.draft ?? variant.draft) as unknown as Data}
              settings={page.settings}
              forms={forms}
              headerTitle={`${page.name} · ${variant.key} (${variant.name})`}
              onChange={onChange}
              onPublish={onPublish}
              isPublishing={publisher.state !== 'idle'}
            />
          </Suspense>
        ) : (
          <p className="p-6 text-slate-500">{t('pages.editor.loading')}</p>
        )}
      </div>
    </div>
  )
}

type EditorFetcher = ReturnType<typeof useFetcher<typeof action>>

/**
 * One status line for the latest save or publish: "Draft saved 15:02:11", or "Published version 3 at 15:04:40"
 * with a link to the live page. A publish that failed also gets an alert with the reasons; other publish
 * messages (a refusal with its fix) render beside it.
 */
function EditorStatus({ save, publisher, latest, savedAt, slug }: { save: EditorFetcher; publisher: EditorFetcher; latest: 'save' | 'publish'; savedAt: Date | string; slug: string }) {
  const published = latest === 'publish' ? publisher.data : undefined
  const saved = save.data
  const errors = published && 'errors' in published ? published.errors.formErrors : !published && saved && 'errors' in saved ? saved.errors.formErrors : null
  const t = useT()
  const translate = useMessage()
  const language = useLanguage()
  let text: React.ReactNode
  if (publisher.state !== 'idle') text = t('pages.editor.publishing')
  else if (save.state !== 'idle') text = t('pages.editor.saving')
  else if (errors)
    text = published
      ? 'emptyFormBlocks' in published
        ? t('pages.editor.savedNotPublished')
        : t('pages.editor.notPublished')
      : t('pages.editor.notSaved', { errors: errors.map((e) => documentProblemIn(e, translate, t)).join('; ') })
  else if (published && 'publishedAt' in published && published.publishedAt)
    text = (
      <>
        {t('pages.editor.published', { number: published.publishedVersion, time: formatClockTime(published.publishedAt, language) })}{' '}
        <a href={`/p/${slug}`} target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline underline-offset-2">
          {t('pages.editor.viewLive')}
          <span className="sr-only"> ({t('pages.editor.newTab')})</span>
        </a>
      </>
    )
  else text = t('pages.editor.draftSaved', { time: formatClockTime(saved && 'savedAt' in saved ? saved.savedAt : savedAt, language) })
  return (
    <div className="ml-auto flex flex-wrap items-center gap-3">
      <p role="status" data-testid="save-status" className={errors ? 'text-red-700' : 'text-slate-600'}>
        {text}
      </p>
      {/* A refusal for an empty Form block has its own alert, with its fixes (PublishRefusal). */}
      {published && errors && !('emptyFormBlocks' in published) && publisher.state === 'idle' ? (
        <p role="alert" data-testid="publish-error" className="text-red-700">
          {errors.map((e) => documentProblemIn(e, translate, t)).join('; ')}
        </p>
      ) : null}
    </div>
  )
}
