// The editor's Puck config, built from the block definitions: the same fields, defaults and render
// components as published pages. Only types come from Puck here, so importing this file (for THEME_FONTS,
// say) does not pull the editor into a bundle.
import type { ComponentConfig, Config, Fields } from '@puckeditor/core'
import type { ReactNode } from 'react'
import type { BlockCategory } from '#app/pages/blocks/block'
import { FormBlock, FormSlotContext } from '#app/pages/blocks/form'
import { BLOCK_DEFINITIONS } from '#app/pages/blocks/registry'
import { DynamicTextContext, type DynamicTextToken } from '#app/pages/dynamic-text'
import { translateBlockText, translateFields, type Translate } from '#app/pages/editor-words'
import { EditorFormSlot, formPickerField, type FormChoice } from '#app/pages/form-picker'
import { suggestFormPurpose } from '#app/pages/templates/index'

/** Font stacks that are already on visitors' devices: no web fonts, no requests. */
export const THEME_FONTS = [
  { id: 'system-sans', label: 'System sans', stack: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  { id: 'humanist-sans', label: 'Humanist sans', stack: 'Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif' },
  { id: 'geometric-sans', label: 'Geometric sans', stack: 'Avenir, Montserrat, Corbel, "URW Gothic", source-sans-pro, sans-serif' },
  { id: 'classical-serif', label: 'Classical serif', stack: '"Iowan Old Style", "Palatino Linotype", "URW Palladio L", P052, serif' },
  { id: 'modern-serif', label: 'Modern serif', stack: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, serif' },
  { id: 'monospace', label: 'Monospace', stack: 'ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace' },
] as const satisfies readonly { id: string; label: string; stack: string }[]

export type ThemeFontId = (typeof THEME_FONTS)[number]['id']

const CATEGORY_TITLES: Record<BlockCategory, string> = {
  layout: 'pages.editor.categories.layout',
  content: 'pages.editor.categories.content',
  media: 'pages.editor.categories.media',
  conversion: 'pages.editor.categories.conversion',
}

/**
 * The editor's config for a workspace, in the language of `t`: the Form block picks from `forms` (not archived)
 * and the canvas shows the chosen form, or "Pick a form" while there is none.
 */
export function createPuckConfig({ forms, t }: { forms: readonly FormChoice[]; t: Translate }): Config {
  const renderForm = (formId: string) => <EditorFormSlot formId={formId} forms={forms} />
  // In the canvas a dynamic-text token shows its fallback, underlined, with the parameter on hover.
  const renderToken = (part: DynamicTextToken): ReactNode => (
    <span title={t('pages.editor.tokenTitle', { param: part.param })} style={{ textDecoration: 'underline dotted' }}>
      {part.fallback || `{{${part.param}}}`}
    </span>
  )
  const formPicker = (data: { props: { id: string } }) => translateFields({ formId: formPickerField(suggestFormPurpose(data.props.id)) }, t)
  return {
    categories: Object.fromEntries(
      (Object.keys(CATEGORY_TITLES) as BlockCategory[]).map((category) => [
        category,
        { title: t(CATEGORY_TITLES[category]), components: BLOCK_DEFINITIONS.filter((d) => d.category === category).map((d) => d.type) },
      ]),
    ),
    components: Object.fromEntries(
      BLOCK_DEFINITIONS.map((definition): [string, ComponentConfig] => [
        definition.type,
        {
          label: translateBlockText(definition.label, t),
          fields: translateFields(definition.type === FormBlock.type ? { ...definition.fields, formId: formPickerField('contact_sales') } : definition.fields, t),
          // The picker's "Create a form" presets the purpose of the block's template (a webinar page: registration).
          ...(definition.type === FormBlock.type ? { resolveFields: (data: { props: { id: string } }, { fields }: { fields: Fields }) => ({ ...fields, ...formPicker(data) }) } : {}),
          defaultProps: definition.defaultProps,
          // Puck passes slot components for slot fields and rendered nodes for richtext fields; the block
          // components accept both forms (see SlotRender and RichTextValue in blocks/block.ts).
          render: definition.render as ComponentConfig['render'],
        },
      ]),
    ),
    root: {
      // Title, slug, theme and the rest are page settings shared by every variant, edited outside the canvas.
      fields: {},
      render: ({ children }: { children?: ReactNode }) => (
        <DynamicTextContext.Provider value={renderToken}>
          <FormSlotContext.Provider value={renderForm}>
            <div className="sf-page">{children}</div>
          </FormSlotContext.Provider>
        </DynamicTextContext.Provider>
      ),
    },
  }
}
