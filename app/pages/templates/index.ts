import type { PurposeId } from '#app/forms/purposes'
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
  /**
   * The form a page from this template collects leads with: the workspace's form of this purpose, made on first use
   * under `name` (templates.server.ts). Null: the page starts with an empty Form block (blank).
   */
  form: { purpose: PurposeId; name: string } | null
  build: (options: TemplateOptions) => TemplateDocument
}

/** The starter templates a new page can begin from. */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'webinar',
    name: 'Webinar registration',
    description: 'Sign-ups for a live session, with a countdown, agenda, speakers’ proof and FAQ.',
    conversion: 'soft',
    form: { purpose: 'event_registration', name: 'Webinar registration' },
    build: buildWebinarTemplate,
  },
  {
    id: 'whitepaper',
    name: 'Report download',
    description: 'A gated report or guide: key findings, what is inside, and the form beside it.',
    conversion: 'soft',
    form: { purpose: 'content_download', name: 'Report download' },
    build: buildWhitepaperTemplate,
  },
  {
    id: 'demo',
    name: 'Demo request',
    description: 'Book a product demo: benefits, results, testimonials and a prominent form.',
    conversion: 'hard',
    form: { purpose: 'demo_request', name: 'Demo request' },
    build: buildDemoTemplate,
  },
  {
    id: 'quote',
    name: 'Quote request',
    description: 'Request a tailored quote: how it works, what is included, and the form.',
    conversion: 'hard',
    form: { purpose: 'quote_request', name: 'Quote request' },
    build: buildQuoteTemplate,
  },
  { id: 'blank', name: 'Blank page', description: 'A headline, a Form block for one of your forms, and a footer: start from scratch.', conversion: null, form: null, build: buildBlankTemplate },
]

/**
 * What a Form block's form is for, guessed from the block: a template's blocks keep ids like `Form-webinar-9`,
 * so a block from the webinar template wants a registration form. Anything else: a sales contact.
 */
export function suggestFormPurpose(blockId: string): PurposeId {
  const template = TEMPLATES.find((t) => blockId.startsWith(`Form-${t.id}-`))
  return template?.form?.purpose ?? 'contact_sales'
}
