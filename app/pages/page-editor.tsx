import { Puck, type Data } from '@puckeditor/core'
import { useMemo } from 'react'
import { ALL_BLOCKS_CSS } from '#app/pages/page-content'
import { FormChoicesContext, type FormChoice } from '#app/pages/form-picker'
import { createPuckConfig } from '#app/pages/puck-config'
import { themeVariables } from '#app/pages/theme'
import type { PageSettings } from '#db/schema'

// Phone, tablet and desktop previews (Puck's viewport switcher).
const VIEWPORTS = [
  { width: 390, height: 'auto' as const, label: 'Phone', icon: 'Smartphone' as const },
  { width: 768, height: 'auto' as const, label: 'Tablet', icon: 'Tablet' as const },
  { width: 1280, height: 'auto' as const, label: 'Desktop', icon: 'Monitor' as const },
]

/** The Puck editor with the page's theme applied to the canvas, as visitors will see it. */
export default function PageEditor({
  data,
  settings,
  forms,
  headerTitle,
  onChange,
  onPublish,
}: {
  data: Data
  settings: PageSettings
  /** The workspace's forms, for the Form block's picker and canvas. */
  forms: readonly FormChoice[]
  headerTitle: string
  onChange: (data: Data) => void
  onPublish: (data: Data) => void
}) {
  // The loader's data is new after every autosave; the config (and Puck's state with it) changes only with the forms.
  const formsKey = JSON.stringify(forms)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, not identity
  const config = useMemo(() => createPuckConfig({ forms }), [formsKey])
  // Puck copies the host document's styles into its preview iframe, so the blocks' CSS goes in as a <style>.
  const themeCss = `.sf-page{${Object.entries(themeVariables(settings.theme))
    .map(([name, value]) => `${name}:${value}`)
    .join(';')}}`
  return (
    <>
      <style>{ALL_BLOCKS_CSS + themeCss}</style>
      {/* The Form block's picker reads the forms from here: a form made in it arrives with the next loader data. */}
      <FormChoicesContext.Provider value={forms}>
        <Puck config={config} data={data} onChange={onChange} onPublish={onPublish} headerTitle={headerTitle} viewports={VIEWPORTS} />
      </FormChoicesContext.Provider>
    </>
  )
}
