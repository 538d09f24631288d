import { z } from 'zod'
import { DynamicText } from '#app/pages/dynamic-text'
import { defineBlock, PlainText, RequiredText, UrlText } from '#app/pages/blocks/block'
import { safeUrl } from '#app/pages/blocks/safe-url'
import css from './footer.css?raw'

const FooterLinkSchema = z.object({ label: RequiredText(80), url: UrlText })

export const FooterPropsSchema = z.object({
  text: PlainText(500),
  links: z.array(FooterLinkSchema, { error: 'expected a list' }).max(12, 'at most 12 links'),
})
export type FooterProps = z.infer<typeof FooterPropsSchema>

function Footer({ text, links }: FooterProps) {
  return (
    <footer className="sf-footer">
      <div className="sf-wrap sf-footer__inner">
        {text.trim() ? (
          <p>
            <DynamicText value={text} />
          </p>
        ) : null}
        {links.length ? (
          <nav aria-label="Footer">
            <ul>
              {links.map((link, index) => {
                const href = safeUrl(link.url)
                const label = <DynamicText value={link.label} />
                return <li key={index}>{href ? <a href={href}>{label}</a> : label}</li>
              })}
            </ul>
          </nav>
        ) : null}
      </div>
    </footer>
  )
}

export const FooterBlock = defineBlock<FooterProps>({
  type: 'Footer',
  label: 'Footer',
  category: 'layout',
  fields: {
    text: { type: 'textarea', label: 'Text' },
    links: {
      type: 'array',
      label: 'Links',
      max: 12,
      arrayFields: {
        label: { type: 'text', label: 'Label' },
        url: { type: 'text', label: 'URL' },
      },
      // No default address: a guessed one (/privacy) is a 404 on the published page; the marketer gives their own.
      defaultItemProps: { label: 'Privacy policy', url: '' },
      getItemSummary: (item) => item.label || 'Link',
    },
  },
  defaultProps: {
    text: '© Your Company. All rights reserved.',
    links: [],
  },
  propsSchema: FooterPropsSchema,
  render: Footer,
  css,
})
