import { z } from 'zod'
import { DynamicText } from '#app/pages/dynamic-text'
import { BlockHeading } from '#app/pages/blocks/block-heading'
import { defineBlock, PlainText, RequiredText, UrlText } from '#app/pages/blocks/block'
import { PageImage } from '#app/pages/blocks/page-image'
import css from './testimonials.css?raw'

const TestimonialSchema = z.object({
  quote: RequiredText(1000),
  name: RequiredText(120),
  role: PlainText(160).optional(),
  avatar: UrlText.optional(),
})

export const TestimonialsPropsSchema = z.object({
  heading: PlainText(200),
  items: z.array(TestimonialSchema, { error: 'expected a list' }).max(12, 'at most 12 testimonials'),
})
export type TestimonialsProps = z.infer<typeof TestimonialsPropsSchema>

function Testimonials({ heading, items }: TestimonialsProps) {
  return (
    <section className="sf-block sf-testimonials">
      <div className="sf-wrap">
        <BlockHeading heading={heading} />
        <ul className="sf-testimonials__grid">
          {items.map((item, index) => (
            <li key={index}>
              <figure className="sf-testimonials__item">
                <blockquote>
                  <p>
                    <DynamicText value={item.quote} />
                  </p>
                </blockquote>
                <figcaption>
                  {/* The name is right beside it, so the photo is decorative. */}
                  {item.avatar ? <PageImage className="sf-testimonials__avatar" src={item.avatar} alt="" width={48} height={48} /> : null}
                  <span>
                    <strong>
                      <DynamicText value={item.name} />
                    </strong>
                    {item.role?.trim() ? (
                      <span className="sf-testimonials__role">
                        <DynamicText value={item.role} />
                      </span>
                    ) : null}
                  </span>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}

export const TestimonialsBlock = defineBlock<TestimonialsProps>({
  type: 'Testimonials',
  label: 'Testimonials',
  category: 'content',
  fields: {
    heading: { type: 'text', label: 'Heading' },
    items: {
      type: 'array',
      label: 'Testimonials',
      max: 12,
      arrayFields: {
        quote: { type: 'textarea', label: 'Quote' },
        name: { type: 'text', label: 'Name' },
        role: { type: 'text', label: 'Role and company' },
        avatar: { type: 'text', label: 'Photo URL (optional, square)' },
      },
      defaultItemProps: { quote: 'What changed for them, in their words.', name: 'Customer name', role: 'Role, Company', avatar: '' },
      getItemSummary: (item) => item.name || 'Testimonial',
    },
  },
  defaultProps: {
    heading: 'What our customers say',
    items: [
      {
        quote: 'We replaced three tools and cut our reporting time in half within the first month.',
        name: 'Dana Whitfield',
        role: 'VP Operations, Northwind',
        avatar: '/images/templates/avatar-1.svg',
      },
      {
        quote: 'The onboarding was the smoothest we have had with any vendor. Our team was productive on day one.',
        name: 'Marcus Lee',
        role: 'Head of IT, Fabrikam',
        avatar: '/images/templates/avatar-2.svg',
      },
    ],
  },
  propsSchema: TestimonialsPropsSchema,
  render: Testimonials,
  css,
})
