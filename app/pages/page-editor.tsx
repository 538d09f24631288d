import { Puck, useGetPuck, type Data, type Overrides } from '@puckeditor/core'
import puckCss from '@puckeditor/core/no-external.css?url'
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useT } from '#app/i18n/provider'
import { puckDictionary, type Translate } from '#app/pages/editor-words'
import { ALL_BLOCKS_CSS } from '#app/pages/page-content'
import { FormChoicesContext, type FormChoice } from '#app/pages/form-picker'
import { createPuckConfig } from '#app/pages/puck-config'
import { themeVariables } from '#app/pages/theme'
import type { PageSettings } from '#db/schema'

// Phone, tablet and desktop previews (Puck's viewport switcher), named in the reader's language.
const viewportsIn = (t: Translate) => [
  { width: 390, height: 'auto' as const, label: t('pages.editor.viewports.phone'), icon: 'Smartphone' as const },
  { width: 768, height: 'auto' as const, label: t('pages.editor.viewports.tablet'), icon: 'Tablet' as const },
  { width: 1280, height: 'auto' as const, label: t('pages.editor.viewports.desktop'), icon: 'Monitor' as const },
]

// The canvas does not copy the admin's styles (Puck's default): Tailwind's reset would reach the blocks and
// make the canvas differ from the live page (headings at weight 400, lists without bullets). It gets exactly
// the published page's CSS instead, plus Puck's own for its overlays and drop zones.
const IFRAME = { syncHostStyles: false }

type EditorContext = { canvasCss: string; onPublish: (data: Data) => void; isPublishing: boolean }
const Context = createContext<EditorContext | null>(null)
const useEditorContext = () => useContext(Context)!

function CanvasStyles({ children, document }: { children: ReactNode; document?: Document }) {
  const { canvasCss } = useEditorContext()
  return (
    <>
      {document
        ? createPortal(
            <>
              <link rel="stylesheet" href={puckCss} />
              <style>{canvasCss}</style>
            </>,
            document.head,
          )
        : null}
      {children}
    </>
  )
}

// Puck's own Publish is a <span> (its Button without `type`), which Tab skips: this one is a real button. It
// stays enabled while publishing (aria-disabled instead), since disabling a focused button drops keyboard focus.
function PublishButton() {
  const { onPublish, isPublishing } = useEditorContext()
  const getPuck = useGetPuck()
  const t = useT()
  return (
    <button
      type="button"
      data-testid="publish"
      aria-disabled={isPublishing}
      onClick={() => {
        if (!isPublishing) onPublish(getPuck().appState.data)
      }}
      className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 aria-disabled:cursor-wait aria-disabled:bg-brand-500"
    >
      {isPublishing ? t('pages.editor.publishing') : t('pages.editor.publish')}
    </button>
  )
}

const OVERRIDES: Partial<Overrides> = { iframe: CanvasStyles, headerActions: PublishButton }

/**
 * Names for three parts of Puck 0.23's own UI that lack one (axe: serious or critical, seen at phone width): the
 * canvas iframe has no title, the zoom select no label, and its loading spinner is a <span> with an aria-label but
 * no role, which ARIA does not allow. Puck renders them itself and has no override for them, so they are named here
 * as they appear. Remove once Puck names them (docs/testing.md, "Accessibility and phone widths").
 */
export function nameUnnamedPuckParts(root: ParentNode, names: { preview: string; zoom: string }) {
  for (const frame of root.querySelectorAll<HTMLIFrameElement>('iframe#preview-frame:not([title])')) frame.title = names.preview
  for (const select of root.querySelectorAll<HTMLSelectElement>('select[class*="zoomSelect"]:not([aria-label])')) select.setAttribute('aria-label', names.zoom)
  for (const loader of root.querySelectorAll('span[class*="_Loader_"][aria-label]:not([role])')) loader.setAttribute('role', 'status')
}

function useNamedPuckParts() {
  const root = useRef<HTMLDivElement>(null)
  const t = useT()
  const preview = t('pages.editor.preview')
  const zoom = t('pages.editor.zoom')
  useEffect(() => {
    const element = root.current
    if (!element) return
    const names = { preview, zoom }
    nameUnnamedPuckParts(element, names)
    const observer = new MutationObserver(() => nameUnnamedPuckParts(element, names))
    observer.observe(element, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [preview, zoom])
  return root
}

/** The Puck editor with the page's theme applied to the canvas, as visitors will see it. */
export default function PageEditor({
  data,
  settings,
  forms,
  headerTitle,
  onChange,
  onPublish,
  isPublishing,
}: {
  data: Data
  settings: PageSettings
  /** The workspace's forms, for the Form block's picker and canvas. */
  forms: readonly FormChoice[]
  headerTitle: string
  onChange: (data: Data) => void
  onPublish: (data: Data) => void
  isPublishing: boolean
}) {
  // The reader's language's translate function: one per language, so it changes only with the language.
  const t = useT()
  // The loader's data is new after every autosave; the config (and Puck's state with it) changes only with the forms.
  const formsKey = JSON.stringify(forms)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, not identity
  const config = useMemo(() => createPuckConfig({ forms, t }), [formsKey, t])
  const words = useMemo(() => ({ viewports: viewportsIn(t), dictionary: puckDictionary(t) }), [t])
  const themeCss = `.sf-page{${Object.entries(themeVariables(settings.theme))
    .map(([name, value]) => `${name}:${value}`)
    .join(';')}}`
  const root = useNamedPuckParts()
  const context = useMemo(() => ({ canvasCss: ALL_BLOCKS_CSS + themeCss, onPublish, isPublishing }), [themeCss, onPublish, isPublishing])
  return (
    <Context.Provider value={context}>
      <div ref={root} className="contents">
        {/* The Form block's picker reads the forms from here: a form made in it arrives with the next loader data. */}
        <FormChoicesContext.Provider value={forms}>
          <Puck config={config} data={data} onChange={onChange} headerTitle={headerTitle} viewports={words.viewports} dictionary={words.dictionary} iframe={IFRAME} overrides={OVERRIDES} />
        </FormChoicesContext.Provider>
      </div>
    </Context.Provider>
  )
}
