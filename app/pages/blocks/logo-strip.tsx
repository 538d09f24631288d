import { z } from 'zod'
import { DynamicText } from '#app/pages/dynamic-text'
import { defineBlock, Dimension, PlainText, RequiredText, UrlText } from '#app/pages/blocks/block'
import { PageImage } from '#app/pages/blocks/page-image'
import { safeImageUrl } from '#app/pages/blocks/safe-url'
import css from './logo-strip.css?raw'

const LogoSchema = z.object({
  name: RequiredText(120),
  logo: UrlText,
  width: Dimension.optional(),
  height: Dimension.optional(),
})

export const LogoStripPropsSchema = z.object({
  heading: PlainText(200),
  items: z.array(LogoSchema, { error: 'expected a list' }).max(24, 'at most 24 logos'),
})
export type LogoStripProps = z.infer<typeof LogoStripPropsSchema>

// A logo without a usable image shows the company name instead, so the strip never has holes.
function LogoStrip({ heading, items }: LogoStripProps) {
  return (
    <section className="sf-block sf-logos" aria-label={heading.trim() ? undefined : 'Customers'}>
      <div className="sf-wrap">
        {heading.trim() ? (
          <h2 className="sf-logos__heading">
            <DynamicText value={heading} />
          </h2>
        ) : null}
        <ul className="sf-logos__list">
          {items.map((item, index) => (
            <li key={index}>
              {safeImageUrl(item.logo) ? (
                <PageImage src={item.logo} alt={item.name} width={item.width} height={item.height} />
              ) : (
                <span className="sf-logos__name">
                  <DynamicText value={item.name} />
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}

export const LogoStripBlock = defineBlock<LogoStripProps>({
  type: 'LogoStrip',
  label: 'Logo strip',
  category: 'content',
  fields: {
    heading: { type: 'text', label: 'Heading' },
    items: {
      type: 'array',
      label: 'Logos',
      max: 24,
      arrayFields: {
        name: { type: 'text', label: 'Company name (alt text)' },
        logo: { type: 'text', label: 'Logo URL' },
        width: { type: 'number', label: 'Width (px, 0 if unknown)', min: 0, max: 10000 },
        height: { type: 'number', label: 'Height (px, 0 if unknown)', min: 0, max: 10000 },
      },
      defaultItemProps: { name: 'Company', logo: '', width: 0, height: 0 },
      getItemSummary: (item) => item.name || 'Logo',
    },
  },
  defaultProps: {
    heading: 'Trusted by teams at',
    items: [
      { name: 'Northwind', logo: '/images/templates/logo-northwind.svg', width: 140, height: 32 },
      { name: 'Fabrikam', logo: '/images/templates/logo-fabrikam.svg', width: 140, height: 32 },
      { name: 'Contoso', logo: '/images/templates/logo-contoso.svg', width: 140, height: 32 },
      { name: 'Tailspin', logo: '/images/templates/logo-tailspin.svg', width: 140, height: 32 },
      { name: 'Adatum', logo: '/images/templates/logo-adatum.svg', width: 140, height: 32 },
    ],
  },
  propsSchema: LogoStripPropsSchema,
  render: LogoStrip,
  css,
})
