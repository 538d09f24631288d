// Dynamic text replacement: plain text fields may contain `{{param|fallback}}`, filled per visitor from the
// query string (e.g. `?city=Lyon` for "Webinar for teams in {{city|your city}}"). Blocks render every plain
// text field through <DynamicText>; how a token becomes output is up to the DynamicTextContext provider (the
// published-page renderer substitutes escaped, capped query values). Without a provider, the fallback shows.
import { createContext, createElement, Fragment, useContext, type ReactNode } from 'react'

export type DynamicTextToken = { param: string; fallback: string }
export type DynamicTextPart = string | DynamicTextToken

// The fallback may not contain braces, so "{{a|{{b}}}}" and other malformed input stay plain text.
const TOKEN = /\{\{([A-Za-z0-9_]{1,64})(?:\|([^{}]{0,200}))?\}\}/g

export function parseDynamicText(text: string): DynamicTextPart[] {
  const parts: DynamicTextPart[] = []
  let last = 0
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) parts.push(text.slice(last, match.index))
    parts.push({ param: match[1]!, fallback: match[2] ?? '' })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return parts
}

/** The text with each token filled from params (trimmed, capped at maxLength characters) or its fallback. */
export function resolveDynamicText(text: string, params: URLSearchParams, maxLength = 100): string {
  return parseDynamicText(text)
    .map((part) => (typeof part === 'string' ? part : capped(params.get(part.param), maxLength) || part.fallback))
    .join('')
}

/** The text with every token replaced by its fallback: for attributes (alt, title), which hold no markup. */
export function dynamicTextFallback(text: string): string {
  return parseDynamicText(text)
    .map((part) => (typeof part === 'string' ? part : part.fallback))
    .join('')
}

function capped(value: string | null, maxLength: number) {
  // Count code points so a cap never splits an emoji or other surrogate pair.
  return value === null ? '' : Array.from(value.trim()).slice(0, maxLength).join('')
}

export const DynamicTextContext = createContext<(part: DynamicTextToken) => ReactNode>((part) => part.fallback)

export function DynamicText({ value }: { value: string | null | undefined }) {
  const renderToken = useContext(DynamicTextContext)
  if (!value) return null
  const parts = parseDynamicText(value)
  return createElement(Fragment, null, ...parts.map((part, index) => createElement(Fragment, { key: index }, typeof part === 'string' ? withoutMarkers(part) : renderTokenSafely(renderToken, part))))
}

// U+E000/U+E001 delimit tokens in the published-page HTML template (html-template.ts); typed into a field
// they would fake a token, so they never reach the output as text.
function withoutMarkers(text: string) {
  return text.replace(/[\uE000\uE001]/g, '')
}

// A provider's renderer that throws must cost one token, not the page (server rendering has no error boundaries).
function renderTokenSafely(renderToken: (part: DynamicTextToken) => ReactNode, part: DynamicTextToken): ReactNode {
  try {
    return renderToken({ param: part.param, fallback: withoutMarkers(part.fallback) })
  } catch {
    return withoutMarkers(part.fallback)
  }
}
