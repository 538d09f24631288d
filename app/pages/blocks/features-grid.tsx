import { z } from 'zod'
import { DynamicText } from '#app/pages/dynamic-text'
import { BlockHeading } from '#app/pages/blocks/block-heading'
import { defineBlock, PlainText, RequiredText } from '#app/pages/blocks/block'
import css from './features-grid.css?raw'

const FeatureSchema = z.object({
  title: RequiredText(120),
  text: PlainText(600),
  icon: PlainText(16).optional(),
})

export const FeaturesGridPropsSchema = z.object({
  heading: PlainText(200),
  intro: PlainText(600),
  items: z.array(FeatureSchema, { error: 'expected a list' }).max(24, 'at most 24 features'),
})
export type FeaturesGridProps = z.infer<typeof FeaturesGridPropsSchema>

// Rows come out even: 3 per row for 3, 6, 9… items, 4 for 4 or 8, 2 for 2; others fill rows of 3.
function columnsFor(count: number) {
  if (count <= 2) return 2
  return count % 3 !== 0 && count % 4 === 0 ? 4 : 3
}

function FeaturesGrid({ heading, intro, items }: FeaturesGridProps) {
  return (
    <section className={`sf-block sf-features sf-features--${columnsFor(items.length)}`}>
      <div className="sf-wrap">
        <BlockHeading heading={heading} intro={intro} />
        <ul className="sf-features__grid">
          {items.map((item, index) => (
            <li key={index} className="sf-features__item">
              {item.icon?.trim() ? (
                <span className="sf-features__icon" aria-hidden="true">
                  {item.icon}
                </span>
              ) : null}
              <h3>
                <DynamicText value={item.title} />
              </h3>
              {item.text.trim() ? (
                <p>
                  <DynamicText value={item.text} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}

export const FeaturesGridBlock = defineBlock<FeaturesGridProps>({
  type: 'FeaturesGrid',
  label: 'Features grid',
  category: 'content',
  fields: {
    heading: { type: 'text', label: 'Heading' },
    intro: { type: 'textarea', label: 'Intro' },
    items: {
      type: 'array',
      label: 'Features',
      max: 24,
      arrayFields: {
        icon: { type: 'text', label: 'Icon (an emoji, optional)' },
        title: { type: 'text', label: 'Title' },
        text: { type: 'textarea', label: 'Text' },
      },
      defaultItemProps: { icon: '✨', title: 'A benefit', text: 'What it does for the customer, in one or two sentences.' },
      getItemSummary: (item) => item.title || 'Feature',
    },
  },
  defaultProps: {
    heading: 'Why teams choose us',
    intro: '',
    items: [
      { icon: '⚡', title: 'Fast to set up', text: 'Go live in an afternoon, not a quarter. No engineering tickets.' },
      { icon: '🔒', title: 'Secure by default', text: 'Single sign-on, audit logs and encryption at rest on every plan.' },
      { icon: '📈', title: 'Measurable results', text: 'See what works with reports your finance team will trust.' },
    ],
  },
  propsSchema: FeaturesGridPropsSchema,
  render: FeaturesGrid,
  css,
})
