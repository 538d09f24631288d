import { z } from 'zod'
import { DynamicText } from '#app/pages/dynamic-text'
import { Align, ALIGN_OPTIONS, defineBlock, PlainText, RequiredText, UrlText } from '#app/pages/blocks/block'
import { ButtonLink } from '#app/pages/blocks/button-link'
import css from './cta-button.css?raw'

export const CtaButtonPropsSchema = z.object({
  label: RequiredText(80),
  action: z.enum(['link', 'form'], { error: 'expected link or form' }),
  link: UrlText,
  style: z.enum(['primary', 'secondary'], { error: 'expected primary or secondary' }),
  align: Align,
  note: PlainText(200),
})
export type CtaButtonProps = z.infer<typeof CtaButtonPropsSchema>

function CtaButton({ label, action, link, style, align, note }: CtaButtonProps) {
  return (
    <div className={`sf-block sf-cta sf-cta--${align}`}>
      <div className="sf-wrap">
        <ButtonLink label={label} href={action === 'form' ? '#form' : link} variant={style} />
        {note.trim() ? (
          <p className="sf-cta__note">
            <DynamicText value={note} />
          </p>
        ) : null}
      </div>
    </div>
  )
}

export const CtaButtonBlock = defineBlock<CtaButtonProps>({
  type: 'CtaButton',
  label: 'Button',
  category: 'conversion',
  fields: {
    label: { type: 'text', label: 'Label' },
    action: {
      type: 'radio',
      label: 'On click',
      options: [
        { label: 'Scroll to the form', value: 'form' },
        { label: 'Open a link', value: 'link' },
      ],
    },
    link: { type: 'text', label: 'Link (when "Open a link")' },
    style: {
      type: 'radio',
      label: 'Style',
      options: [
        { label: 'Primary', value: 'primary' },
        { label: 'Secondary', value: 'secondary' },
      ],
    },
    align: { type: 'radio', label: 'Alignment', options: ALIGN_OPTIONS },
    note: { type: 'text', label: 'Small print under the button (optional)' },
  },
  defaultProps: { label: 'Get started', action: 'form', link: '', style: 'primary', align: 'center', note: '' },
  propsSchema: CtaButtonPropsSchema,
  render: CtaButton,
  css,
})
