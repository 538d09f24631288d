import { z } from 'zod'
import { DynamicText } from '#app/pages/dynamic-text'
import { BlockHeading } from '#app/pages/blocks/block-heading'
import { defineBlock, PlainText, RequiredText } from '#app/pages/blocks/block'
import css from './stats.css?raw'

const StatSchema = z.object({
  value: RequiredText(40),
  label: PlainText(160),
})

export const StatsPropsSchema = z.object({
  heading: PlainText(200),
  items: z.array(StatSchema, { error: 'expected a list' }).max(8, 'at most 8 figures'),
})
export type StatsProps = z.infer<typeof StatsPropsSchema>

// A description list reads "label: value" to screen readers; CSS shows the value above its label.
function Stats({ heading, items }: StatsProps) {
  return (
    <section className="sf-block sf-stats">
      <div className="sf-wrap">
        <BlockHeading heading={heading} />
        <dl className="sf-stats__list">
          {items.map((item, index) => (
            <div key={index} className="sf-stats__item">
              <dt>
                <DynamicText value={item.label} />
              </dt>
              <dd>
                <DynamicText value={item.value} />
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  )
}

export const StatsBlock = defineBlock<StatsProps>({
  type: 'Stats',
  label: 'Stats',
  category: 'content',
  fields: {
    heading: { type: 'text', label: 'Heading (optional)' },
    items: {
      type: 'array',
      label: 'Figures',
      max: 8,
      arrayFields: {
        value: { type: 'text', label: 'Value (e.g. 42%)' },
        label: { type: 'text', label: 'Label' },
      },
      defaultItemProps: { value: '10×', label: 'What it measures' },
      getItemSummary: (item) => item.value || 'Figure',
    },
  },
  defaultProps: {
    heading: '',
    items: [
      { value: '2,400+', label: 'teams onboard' },
      { value: '38%', label: 'average cost saving' },
      { value: '4.8/5', label: 'customer rating' },
    ],
  },
  propsSchema: StatsPropsSchema,
  render: Stats,
  css,
})
