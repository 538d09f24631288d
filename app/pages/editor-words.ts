import type { Dictionary, Field, Fields } from '@puckeditor/core'
import english from '#app/i18n/catalogues/en.json'

// The editor in the reader's language. Two sources of words:
// - the block definitions (blocks/*.tsx) are written in English, because published pages, the document checks and
//   the tests share them: the editor shows their names, field labels and options in the reader's language, looked
//   up by their English text in the catalogue's pages.blockText section (as validation messages are, provider.tsx).
//   A text the section lacks stays English; catalogues.test.ts checks that each English text is still in the code.
// - Puck's own words (its toolbar, outline and rich-text menu) go through its `dictionary` prop, from pages.puck.

export type Translate = (key: string, values?: Record<string, unknown>) => string

const BLOCK_TEXT_KEYS = new Map(Object.entries(english.pages.blockText).map(([key, text]) => [text, `pages.blockText.${key}`]))

/** A block definition's English label or option in the reader's language ("Divider" → "Skiljelinje"). */
export function translateBlockText(text: string, t: Translate): string {
  const key = BLOCK_TEXT_KEYS.get(text)
  return key ? t(key) : text
}

/** A block's fields with their labels, options and array item summaries in the reader's language; values stay. */
export function translateFields<F extends Fields>(fields: F, t: Translate): F {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, translateField(field as Field, t)])) as F
}

function translateField(field: Field, t: Translate): Field {
  const label = field.label === undefined ? {} : { label: translateBlockText(field.label, t) }
  switch (field.type) {
    case 'select':
    case 'radio':
      return { ...field, ...label, options: field.options.map((option) => ({ ...option, label: translateBlockText(option.label, t) })) }
    case 'array': {
      const summary = field.getItemSummary
      return {
        ...field,
        ...label,
        arrayFields: translateFields(field.arrayFields, t),
        // An item with its own text shows that; the fallback ("Question") is the definition's English word.
        ...(summary
          ? {
              getItemSummary: (item: never, index?: number) => {
                const text = summary(item, index)
                return typeof text === 'string' ? translateBlockText(text, t) : text
              },
            }
          : {}),
      } as Field
    }
    case 'object':
      return { ...field, ...label, objectFields: translateFields(field.objectFields, t) }
    default:
      return { ...field, ...label }
  }
}

/** Puck's dictionary key → our catalogue key; keys Puck shares one word between point at one message. */
const PUCK_WORDS = {
  'header-publish': 'pages.puck.publish',
  'header-undo': 'pages.puck.undo',
  'header-redo': 'pages.puck.redo',
  'header-toggle-leftsidebar': 'pages.puck.toggleLeftSidebar',
  'header-toggle-rightsidebar': 'pages.puck.toggleRightSidebar',
  'header-toggle-menubar': 'pages.puck.toggleMenuBar',
  'action-selectparent': 'pages.puck.selectParent',
  'action-duplicate': 'pages.puck.duplicate',
  'action-delete': 'pages.puck.delete',
  'label-page': 'pages.puck.page',
  'label-component': 'pages.puck.component',
  'outline-empty': 'pages.puck.noItems',
  'outline-item-collapse': 'pages.puck.collapse',
  'outline-item-expand': 'pages.puck.expand',
  'outline-header-title': 'pages.puck.outline',
  'outline-header-collapseall': 'pages.puck.collapseAll',
  'outline-item-duplicate': 'pages.puck.duplicate',
  'outline-item-delete': 'pages.puck.delete',
  'drawer-category-collapse': 'pages.puck.collapseCategory',
  'drawer-category-expand': 'pages.puck.expandCategory',
  'drawer-category-other': 'pages.puck.other',
  'canvas-noconfig': 'pages.puck.noConfig',
  'field-readonly': 'pages.puck.readOnly',
  'field-arrayitem-summary': 'pages.puck.item',
  'field-arrayitem-duplicate': 'pages.puck.duplicate',
  'field-arrayitem-delete': 'pages.puck.delete',
  'field-external-selectdata': 'pages.puck.selectData',
  'field-external-search': 'pages.puck.search',
  'field-external-togglefilters': 'pages.puck.toggleFilters',
  'field-external-item': 'pages.puck.externalItem',
  'field-external-result-singular': 'pages.puck.resultOne',
  'field-external-result-plural': 'pages.puck.resultMany',
  'field-richtext-bold': 'pages.puck.bold',
  'field-richtext-italic': 'pages.puck.italic',
  'field-richtext-underline': 'pages.puck.underline',
  'field-richtext-strikethrough': 'pages.puck.strikethrough',
  'field-richtext-blockquote': 'pages.puck.blockquote',
  'field-richtext-code-inline': 'pages.puck.inlineCode',
  'field-richtext-code-block': 'pages.puck.codeBlock',
  'field-richtext-list-bullet': 'pages.puck.bulletList',
  'field-richtext-list-ordered': 'pages.puck.orderedList',
  'field-richtext-horizontalrule': 'pages.puck.horizontalRule',
  'field-richtext-align-left': 'pages.puck.alignLeft',
  'field-richtext-align-center': 'pages.puck.alignCenter',
  'field-richtext-align-right': 'pages.puck.alignRight',
  'field-richtext-align-justify': 'pages.puck.justify',
  'field-richtext-select': 'pages.puck.select',
  'field-richtext-alignselect-left': 'pages.puck.left',
  'field-richtext-alignselect-center': 'pages.puck.center',
  'field-richtext-alignselect-right': 'pages.puck.right',
  'field-richtext-alignselect-justify': 'pages.puck.justify',
  'field-richtext-listselect-bullet': 'pages.puck.bulletList',
  'field-richtext-listselect-ordered': 'pages.puck.orderedList',
  'viewport-zoom-in': 'pages.puck.zoomIn',
  'viewport-zoom-out': 'pages.puck.zoomOut',
  'viewport-zoom-auto': 'pages.puck.zoomAuto',
  'viewport-toggle-menu': 'pages.puck.toggleViewportMenu',
  'viewport-switch': 'pages.puck.switchViewport',
  'viewport-switch-default': 'pages.puck.switchViewportDefault',
  'plugin-blocks': 'pages.puck.blocks',
  'plugin-outline': 'pages.puck.outline',
  'plugin-fields': 'pages.puck.fields',
  'plugin-components': 'pages.puck.components',
  'layout-maximize': 'pages.puck.maximize',
  'layout-minimize': 'pages.puck.minimize',
  'loader-loading': 'pages.puck.loading',
} as const

// Puck fills its own placeholders ("Switch to {label} viewport"): each is handed over as itself.
const PUCK_PLACEHOLDERS = { title: '{title}', type: '{type}', index: '{index}', count: '{count}', zoom: '{zoom}', label: '{label}' }

/** Puck's own words in the reader's language, for its `dictionary` prop; English reads as Puck's defaults. */
export function puckDictionary(t: Translate): Dictionary {
  const dictionary: Dictionary = Object.fromEntries(Object.entries(PUCK_WORDS).map(([puckKey, key]) => [puckKey, t(key, PUCK_PLACEHOLDERS)]))
  for (const level of [1, 2, 3, 4, 5, 6]) dictionary[`field-richtext-headingselect-${level}`] = t('pages.puck.heading', { level })
  return dictionary
}
