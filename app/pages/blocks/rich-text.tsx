import { z } from 'zod'
import { defineBlock, type RichTextValue } from '#app/pages/blocks/block'
import { sanitizeRichText } from '#app/pages/blocks/rich-text-html'
import css from './rich-text.css?raw'

export const RichTextPropsSchema = z.object({
  content: z.string({ error: 'expected rich text (HTML)' }).max(100_000, 'too long (at most 100,000 characters)'),
  align: z.enum(['left', 'center'], { error: 'expected left or center' }),
})
export type RichTextProps = z.infer<typeof RichTextPropsSchema>
type RichTextRenderProps = Omit<RichTextProps, 'content'> & { content: RichTextValue }

// Stored content is an HTML string, already sanitised when it was saved (document.ts) and sanitised here again
// on every render. In the editor Puck hands over its own rendering of the field (a React node), shown as is:
// Puck renders the string it was given raw, so the editor's loader only ever gives it sanitised drafts.
function RichText({ content, align }: RichTextRenderProps) {
  const className = `sf-prose sf-prose--${align}`
  return (
    <div className="sf-block sf-richtext">
      <div className="sf-wrap">
        {typeof content === 'string' ? <div className={className} dangerouslySetInnerHTML={{ __html: sanitizeRichText(content) }} /> : <div className={className}>{content}</div>}
      </div>
    </div>
  )
}

export const RichTextBlock = defineBlock<RichTextProps, RichTextRenderProps>({
  type: 'RichText',
  label: 'Rich text',
  category: 'content',
  fields: {
    content: {
      type: 'richtext',
      label: 'Text',
      // Only what the published page keeps (rich-text-html.ts): no alignment, rules or h1/h5/h6.
      options: { textAlign: false, horizontalRule: false, heading: { levels: [2, 3, 4] } },
    },
    align: {
      type: 'radio',
      label: 'Alignment',
      options: [
        { label: 'Left', value: 'left' },
        { label: 'Center', value: 'center' },
      ],
    },
  },
  defaultProps: {
    content:
      '<h2>A clear heading</h2><p>Explain the problem your visitor has and how you solve it. Keep paragraphs short and concrete.</p><ul><li>One benefit per line</li><li>Numbers beat adjectives</li></ul>',
    align: 'left',
  },
  propsSchema: RichTextPropsSchema,
  render: RichText,
  css,
})
