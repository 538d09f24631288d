import { z } from 'zod'
import { defineBlock } from '#app/pages/blocks/block'
import css from './divider.css?raw'

export const DividerPropsSchema = z.object({
  width: z.enum(['full', 'short'], { error: 'expected full or short' }),
})
export type DividerProps = z.infer<typeof DividerPropsSchema>

function Divider({ width }: DividerProps) {
  return (
    <div className={`sf-wrap sf-divider sf-divider--${width}`}>
      <hr />
    </div>
  )
}

export const DividerBlock = defineBlock<DividerProps>({
  type: 'Divider',
  label: 'Divider',
  category: 'layout',
  fields: {
    width: {
      type: 'radio',
      label: 'Width',
      options: [
        { label: 'Full', value: 'full' },
        { label: 'Short', value: 'short' },
      ],
    },
  },
  defaultProps: { width: 'full' },
  propsSchema: DividerPropsSchema,
  render: Divider,
  css,
})
