import { z } from 'zod'
import { defineBlock, SlotChildren, type SlotRender } from '#app/pages/blocks/block'
import css from './columns.css?raw'

export const ColumnsPropsSchema = z.object({
  count: z.enum(['2', '3'], { error: 'expected 2 or 3 columns' }),
  verticalAlign: z.enum(['top', 'center'], { error: 'expected top or center' }),
  left: SlotChildren,
  middle: SlotChildren,
  right: SlotChildren,
})
export type ColumnsProps = z.infer<typeof ColumnsPropsSchema>
type ColumnsRenderProps = Omit<ColumnsProps, 'left' | 'middle' | 'right'> & { left: SlotRender; middle: SlotRender; right: SlotRender }

// Stacked on small screens, side by side from 48rem. With two columns the middle slot is not shown.
function Columns({ count, verticalAlign, left: Left, middle: Middle, right: Right }: ColumnsRenderProps) {
  return (
    <div className={`sf-block sf-columns sf-columns--${count} sf-columns--${verticalAlign}`}>
      <div className="sf-wrap sf-columns__grid">
        <Left className="sf-columns__col" />
        {count === '3' ? <Middle className="sf-columns__col" /> : null}
        <Right className="sf-columns__col" />
      </div>
    </div>
  )
}

export const ColumnsBlock = defineBlock<ColumnsProps, ColumnsRenderProps>({
  type: 'Columns',
  label: 'Columns',
  category: 'layout',
  fields: {
    count: {
      type: 'radio',
      label: 'Columns',
      options: [
        { label: 'Two', value: '2' },
        { label: 'Three', value: '3' },
      ],
    },
    verticalAlign: {
      type: 'radio',
      label: 'Vertical alignment',
      options: [
        { label: 'Top', value: 'top' },
        { label: 'Center', value: 'center' },
      ],
    },
    left: { type: 'slot', label: 'Left column' },
    middle: { type: 'slot', label: 'Middle column (three columns only)' },
    right: { type: 'slot', label: 'Right column' },
  },
  defaultProps: { count: '2', verticalAlign: 'top', left: [], middle: [], right: [] },
  propsSchema: ColumnsPropsSchema,
  render: Columns,
  css,
})
