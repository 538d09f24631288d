import sanitizeHtml from 'sanitize-html'
import { safeUrl } from '#app/pages/blocks/safe-url'

// The allow-list for rich text. Headings start at h2 (the page's h1 is the hero's), so h1 becomes h2 and
// h5/h6 become h4; everything else outside the list is dropped, keeping its text (script and style vanish).
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre'],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'] },
  // safeUrl below is the real check; this keeps sanitize-html's own scheme filter in agreement with it.
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nestingLimit: 20,
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => {
      const href = safeUrl(attribs.href)
      const link: sanitizeHtml.Attributes = {}
      if (href) link.href = href
      if (attribs.title) link.title = attribs.title
      if (attribs.target === '_blank') {
        link.target = '_blank'
        link.rel = 'noopener noreferrer nofollow'
      }
      return { tagName, attribs: link }
    },
  },
}

/** Rich text HTML reduced to the allow-list, with every link through safeUrl. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS)
}
