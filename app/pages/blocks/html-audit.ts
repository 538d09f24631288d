// Test support: finds what must never reach a published page's HTML. React's output is regular (attributes
// are always name="escaped value"), so a small tokenizer is enough to tell markup from escaped text.

const TAG = /<([a-zA-Z][\w-]*)((?:\s+[\w:.-]+(?:="[^"]*")?)*)\s*\/?>/g
const ATTRIBUTE = /\s([\w:.-]+)(?:="([^"]*)")?/g
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'srcset', 'xlink:href'])

export type HtmlTag = { name: string; attributes: Record<string, string> }

export function parseTags(html: string): HtmlTag[] {
  return [...html.matchAll(TAG)].map((match) => ({
    name: match[1]!.toLowerCase(),
    attributes: Object.fromEntries([...match[2]!.matchAll(ATTRIBUTE)].map((a) => [a[1]!.toLowerCase(), unescape(a[2] ?? '')])),
  }))
}

/** Problems found: script elements, event-handler attributes, script-capable URLs. Empty when clean. */
export function auditHtml(html: string): string[] {
  const problems: string[] = []
  if (/<script/i.test(html)) problems.push('a <script> tag')
  for (const tag of parseTags(html)) {
    if (['script', 'iframe', 'object', 'embed', 'style', 'base', 'meta', 'link'].includes(tag.name) && !(tag.name === 'iframe' && isVideoPlayer(tag))) {
      problems.push(`a <${tag.name}> element`)
    }
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name.startsWith('on')) problems.push(`an ${name} attribute on <${tag.name}>`)
      if (name === 'style') problems.push(`a style attribute on <${tag.name}>`)
      if (URL_ATTRIBUTES.has(name) && /^\s*(javascript|data|vbscript):/i.test(value.replace(/[\t\n\r]/g, ''))) {
        problems.push(`${name}="${value}" on <${tag.name}>`)
      }
    }
  }
  return problems
}

function isVideoPlayer(tag: HtmlTag) {
  return /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/.test(tag.attributes.src ?? '')
}

function unescape(value: string) {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
