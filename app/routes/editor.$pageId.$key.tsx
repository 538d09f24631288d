import type { Data } from '@puckeditor/core'
import puckCss from '@puckeditor/core/no-external.css?url'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useFetcher, useLoaderData } from '@remix-run/react'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { useHydrated } from '#app/components/use-hydrated'
import { listFormChoices } from '#app/forms/form.server'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { parseJsonText, requireIdParam } from '#app/http/json.server'
import type { EmptyFormBlockProblem } from '#app/pages/publish-check'
import { PublishRefusal } from '#app/pages/publish-refusal'
import { getPage, getVariant, publishPage, saveVariantDraft } from '#app/pages/queries.server'

// The editor (and Puck with it) loads only on this route and only in the browser.
const PageEditor = lazy(() => import('#app/pages/page-editor'))

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: puckCss }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Editing ${data?.page.name ?? ''} ${data?.variant.key ?? ''} · Splitform` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'editor' })
  const pageId = requireIdParam(params.pageId, 'page')
  const [page, variant, forms] = await Promise.all([
    getPage({ workspaceId: workspace.id, id: pageId }),
    getVariant({ workspaceId: workspace.id, pageId, key: params.key! }),
    listFormChoices({ workspaceId: workspace.id }),
  ])
  if (!page || !variant) throw new Response('No such page or variant in this workspace', { status: 404 })
  return {
    forms,
    page: { id: page.id, name: page.name, slug: page.slug, settings: page.settings, variants: page.variants.map((v) => ({ key: v.key, name: v.name })) },
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
  return { savedAt: saved.savedAt.toISOString(), publishedVersion: published.version.number }
}

const AUTOSAVE_MS = 800

export default function EditorRoute() {
  const { page, variant, forms } = useLoaderData<typeof loader>()
  const save = useFetcher<typeof action>()
  const isHydrated = useHydrated()
  const pending = useRef<Data | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  // A refused publish stays on screen with its fixes (publish-refusal.tsx) until the next one; a fix changes the
  // stored draft on the server, and the editor restarts on it.
  const [refusal, setRefusal] = useState<{ blocks: EmptyFormBlockProblem[]; count: number } | null>(null)
  const [fixed, setFixed] = useState<{ draft: unknown; count: number } | null>(null)
  // Adjusted while rendering (React's pattern for state that follows a changing value), once per answer.
  const [seen, setSeen] = useState(save.data)
  if (save.state === 'idle' && save.data !== seen) {
    setSeen(save.data)
    const answer = save.data
    if (answer && 'emptyFormBlocks' in answer) setRefusal((old) => ({ blocks: answer.emptyFormBlocks, count: (old?.count ?? 0) + 1 }))
  }

  const submit = (intent: 'save' | 'publish', data: Data) => save.submit({ intent, draft: JSON.stringify(data) }, { method: 'post' })
  // Autosave: the latest document, once typing pauses. Keeping it in a ref means typing never re-renders this route.
  const onChange = (data: Data) => {
    pending.current = data
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      if (pending.current) submit('save', pending.current)
      pending.current = null
    }, AUTOSAVE_MS)
  }
  const onPublish = (data: Data) => {
    clearTimeout(timer.current)
    pending.current = null
    submit('publish', data)
  }
  useEffect(() => () => clearTimeout(timer.current), [])

  const result = save.data
  const status =
    save.state !== 'idle'
      ? 'Saving…'
      : result && 'errors' in result
        ? `${'emptyFormBlocks' in result ? 'Draft saved, not published' : 'Not saved'}: ${result.errors.formErrors.join('; ')}`
        : result && 'publishedVersion' in result && result.publishedVersion
          ? `Published version ${result.publishedVersion}`
          : `Draft saved ${new Date(result && 'savedAt' in result ? result.savedAt : variant.savedAt).toLocaleTimeString()}`

  return (
    <div className="flex h-screen flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 text-sm">
        <Link to={`/pages/${page.id}`} className="font-medium text-brand-700">
          ← {page.name}
        </Link>
        <span className="text-slate-500">Variant</span>
        <nav aria-label="Variants" className="flex gap-1">
          {page.variants.map((v) => (
            <Link
              key={v.key}
              to={`/editor/${page.id}/${v.key}`}
              reloadDocument
              className={`rounded px-2 py-0.5 font-mono ${v.key === variant.key ? 'bg-brand-600 text-white' : 'bg-slate-100'}`}
              title={v.name}
            >
              {v.key}
            </Link>
          ))}
        </nav>
        <span role="status" data-testid="save-status" className={`ml-auto ${result && 'errors' in result ? 'text-red-600' : 'text-slate-500'}`}>
          {status}
        </span>
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
          <Suspense fallback={<p className="p-6 text-slate-500">Loading the editor…</p>}>
            <PageEditor
              key={`${variant.key}:${fixed?.count ?? 0}`}
              data={(fixed?.draft ?? variant.draft) as unknown as Data}
              settings={page.settings}
              forms={forms}
              headerTitle={`${page.name} · ${variant.key} (${variant.name})`}
              onChange={onChange}
              onPublish={onPublish}
            />
          </Suspense>
        ) : (
          <p className="p-6 text-slate-500">Loading the editor…</p>
        )}
      </div>
    </div>
  )
}
