import { buildBlankTemplate } from '#app/pages/templates/blank'
import { buildDemoTemplate } from '#app/pages/templates/demo'
import { buildQuoteTemplate } from '#app/pages/templates/quote'
import type { TemplateDocument, TemplateOptions } from '#app/pages/templates/template-builder'
import { buildWebinarTemplate } from '#app/pages/templates/webinar'
import { buildWhitepaperTemplate } from '#app/pages/templates/whitepaper'

export type Template = {
  id: 'webinar' | 'whitepaper' | 'demo' | 'quote' | 'blank'
  name: string
  description: string
  /** Soft: content for contact details (webinar, report). Hard: a sales conversation (demo, quote). */
  conversion: 'soft' | 'hard' | null
  build: (options: TemplateOptions) => TemplateDocument
}

/** The starter templates a new page can begin from. */
export const TEMPLATES: readonly Template[] = [
  { id: 'webinar', name: 'Webinar registration', description: 'Sign-ups for a live session, with a countdown, agenda, speakers’ proof and FAQ.', conversion: 'soft', build: buildWebinarTemplate },
  { id: 'whitepaper', name: 'Report download', description: 'A gated report or guide: key findings, what is inside, and the form beside it.', conversion: 'soft', build: buildWhitepaperTemplate },
  { id: 'demo', name: 'Demo request', description: 'Book a product demo: benefits, results, testimonials and a prominent form.', conversion: 'hard', build: buildDemoTemplate },
  { id: 'quote', name: 'Quote request', description: 'Request a tailored quote: how it works, what is included, and the form.', conversion: 'hard', build: buildQuoteTemplate },
  { id: 'blank', name: 'Blank page', description: 'A headline, a form and a footer: start from scratch.', conversion: null, build: buildBlankTemplate },
]
