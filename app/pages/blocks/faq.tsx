import { z } from 'zod'
import { DynamicText } from '#app/pages/dynamic-text'
import { BlockHeading } from '#app/pages/blocks/block-heading'
import { defineBlock, PlainText, RequiredText } from '#app/pages/blocks/block'
import css from './faq.css?raw'

const QuestionSchema = z.object({
  question: RequiredText(300),
  answer: PlainText(3000),
})

export const FaqPropsSchema = z.object({
  heading: PlainText(200),
  items: z.array(QuestionSchema, { error: 'expected a list' }).max(40, 'at most 40 questions'),
})
export type FaqProps = z.infer<typeof FaqPropsSchema>

// <details>/<summary> open and close without JavaScript and are announced as expandable by screen readers.
function Faq({ heading, items }: FaqProps) {
  return (
    <section className="sf-block sf-faq">
      <div className="sf-wrap">
        <BlockHeading heading={heading} />
        <div className="sf-faq__list">
          {items.map((item, index) => (
            <details key={index} className="sf-faq__item">
              <summary>
                <DynamicText value={item.question} />
              </summary>
              <div className="sf-faq__answer">
                <DynamicText value={item.answer} />
              </div>
            </details>
          ))}
        </div>
      </div>
    </section>
  )
}

export const FaqBlock = defineBlock<FaqProps>({
  type: 'Faq',
  label: 'FAQ',
  category: 'content',
  fields: {
    heading: { type: 'text', label: 'Heading' },
    items: {
      type: 'array',
      label: 'Questions',
      max: 40,
      arrayFields: {
        question: { type: 'text', label: 'Question' },
        answer: { type: 'textarea', label: 'Answer' },
      },
      defaultItemProps: { question: 'A question visitors ask', answer: 'A short, direct answer.' },
      getItemSummary: (item) => item.question || 'Question',
    },
  },
  defaultProps: {
    heading: 'Frequently asked questions',
    items: [
      { question: 'How long does setup take?', answer: 'Most teams are live within a day. We guide you through every step.' },
      { question: 'Can I cancel at any time?', answer: 'Yes. Plans are monthly unless you choose annual billing, and you can export your data whenever you like.' },
      { question: 'Is my data secure?', answer: 'Data is encrypted in transit and at rest, and hosted in the EU.' },
    ],
  },
  propsSchema: FaqPropsSchema,
  render: Faq,
  css,
})
