import { z } from 'zod'
import { defineBlock, SlotChildren, type SlotRender } from '#app/pages/blocks/block'
import { Tone, TONE_OPTIONS, toneClass } from '#app/pages/blocks/tone'
import css from './section.css?raw'

export const SectionPropsSchema = z.object({
  background: Tone,
  spacing: z.enum(['small', 'medium', 'large'], { error: 'expected small, medium or large' }),
  // For in-page links (href="#pricing"); "form" belongs to the Form block.
  anchor: z
    .string({ error: 'expected text' })
    .regex(/^([a-z][a-z0-9-]{0,39})?$/, 'lowercase letters, digits and dashes, starting with a letter')
    .refine((anchor) => anchor !== 'form', '"form" is reserved for the Form block'),
  content: SlotChildren,
})
export type SectionProps = z.infer<typeof SectionPropsSchema>
type SectionRenderProps = Omit<SectionProps, 'content'> & { content: SlotRender }

function Section({ background, spacing, anchor, content: Content }: SectionRenderProps) {
  return (
    <section id={anchor || undefined} className={`sf-block sf-section sf-section--${spacing}${toneClass(background)}`}>
      <div className="sf-wrap">
        <Content className="sf-section__body" />
      </div>
    </section>
  )
}

export const SectionBlock = defineBlock<SectionProps, SectionRenderProps>({
  type: 'Section',
  label: 'Section',
  category: 'layout',
  fields: {
    background: { type: 'select', label: 'Background', options: TONE_OPTIONS },
    spacing: {
      type: 'radio',
      label: 'Spacing',
      options: [
        { label: 'Small', value: 'small' },
        { label: 'Medium', value: 'medium' },
        { label: 'Large', value: 'large' },
      ],
    },
    anchor: { type: 'text', label: 'Anchor for links (e.g. pricing → #pricing)' },
    content: { type: 'slot' },
  },
  defaultProps: { background: 'light', spacing: 'medium', anchor: '', content: [] },
  propsSchema: SectionPropsSchema,
  render: Section,
  css,
})
