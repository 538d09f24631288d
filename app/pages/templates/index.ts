import type { PurposeId } from '#app/forms/purposes'
import type { TemplateId } from '#app/pages/schema'
import { buildBlankTemplate } from '#app/pages/templates/blank'
import { DEMO_DA, QUOTE_DA, WEBINAR_DA, WHITEPAPER_DA } from '#app/pages/templates/da'
import { buildDemoTemplate, DEMO_EN } from '#app/pages/templates/demo'
import type { TemplateLocale } from '#app/pages/templates/locales'
import { buildQuoteTemplate, QUOTE_EN } from '#app/pages/templates/quote'
import { DEMO_SV, QUOTE_SV, WEBINAR_SV, WHITEPAPER_SV } from '#app/pages/templates/sv'
import type { TemplateDocument, TemplateOptions } from '#app/pages/templates/template-builder'
import { buildWebinarTemplate, WEBINAR_EN } from '#app/pages/templates/webinar'
import { buildWhitepaperTemplate, WHITEPAPER_EN } from '#app/pages/templates/whitepaper'

export type Template = {
  id: TemplateId
  /** The language of the page's copy and of its form; the page is made in it too (queries.server.ts, createPage). */
  locale: TemplateLocale
  /** Shown in the chooser. A Swedish or Danish template's name is in its language: it also names the form it makes. */
  name: string
  description: string
  /** Soft: content for contact details (webinar, report). Hard: a sales conversation (demo, quote). */
  conversion: 'soft' | 'hard' | null
  /**
   * The form a page from this template collects leads with: the workspace's form of this purpose in the template's
   * language, made on first use under `name` (purpose-form.server.ts). Null: the page starts with an empty Form block
   * (blank).
   */
  form: { purpose: PurposeId; name: string } | null
  build: (options: TemplateOptions) => TemplateDocument
}

/** The starter templates a new page can begin from: English first, then Swedish and Danish. */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'webinar',
    locale: 'en',
    name: 'Webinar registration',
    description: 'Sign-ups for a live session, with a countdown, agenda, speakers’ proof and FAQ.',
    conversion: 'soft',
    form: { purpose: 'event_registration', name: 'Webinar registration' },
    build: (options) => buildWebinarTemplate(WEBINAR_EN, options),
  },
  {
    id: 'whitepaper',
    locale: 'en',
    name: 'Report download',
    description: 'A gated report or guide: key findings, what is inside, and the form beside it.',
    conversion: 'soft',
    form: { purpose: 'content_download', name: 'Report download' },
    build: (options) => buildWhitepaperTemplate(WHITEPAPER_EN, options),
  },
  {
    id: 'demo',
    locale: 'en',
    name: 'Demo request',
    description: 'Book a product demo: benefits, results, testimonials and a prominent form.',
    conversion: 'hard',
    form: { purpose: 'demo_request', name: 'Demo request' },
    build: (options) => buildDemoTemplate(DEMO_EN, options),
  },
  {
    id: 'quote',
    locale: 'en',
    name: 'Quote request',
    description: 'Request a tailored quote: how it works, what is included, and the form.',
    conversion: 'hard',
    form: { purpose: 'quote_request', name: 'Quote request' },
    build: (options) => buildQuoteTemplate(QUOTE_EN, options),
  },
  {
    id: 'blank',
    locale: 'en',
    name: 'Blank page',
    description: 'A headline, a Form block for one of your forms, and a footer: start from scratch.',
    conversion: null,
    form: null,
    build: buildBlankTemplate,
  },
  {
    id: 'webinar-sv',
    locale: 'sv',
    name: 'Webbinarieanmälan',
    description: 'Sign-ups for a live session, written for Swedish finance teams: countdown, agenda and a GDPR line by the form.',
    conversion: 'soft',
    form: { purpose: 'event_registration', name: 'Webbinarieanmälan' },
    build: (options) => buildWebinarTemplate(WEBINAR_SV, options),
  },
  {
    id: 'whitepaper-sv',
    locale: 'sv',
    name: 'Rapportnedladdning',
    description: 'A gated report in Swedish: key findings in Swedish number style and what readers get.',
    conversion: 'soft',
    form: { purpose: 'content_download', name: 'Rapportnedladdning' },
    build: (options) => buildWhitepaperTemplate(WHITEPAPER_SV, options),
  },
  {
    id: 'demo-sv',
    locale: 'sv',
    name: 'Demobokning',
    description: '“Boka en demo” for Swedish B2B buyers, with du-tilltal, results and a personuppgifter note by the form.',
    conversion: 'hard',
    form: { purpose: 'demo_request', name: 'Demobokning' },
    build: (options) => buildDemoTemplate(DEMO_SV, options),
  },
  {
    id: 'quote-sv',
    locale: 'sv',
    name: 'Offertförfrågan',
    description: 'A tailored offert in Swedish: the steps, what is included, prices exkl. moms.',
    conversion: 'hard',
    form: { purpose: 'quote_request', name: 'Offertförfrågan' },
    build: (options) => buildQuoteTemplate(QUOTE_SV, options),
  },
  {
    id: 'webinar-da',
    locale: 'da',
    name: 'Webinartilmelding',
    description: 'Sign-ups for a live session, written for Danish finance teams: countdown, agenda and a GDPR line by the form.',
    conversion: 'soft',
    form: { purpose: 'event_registration', name: 'Webinartilmelding' },
    build: (options) => buildWebinarTemplate(WEBINAR_DA, options),
  },
  {
    id: 'whitepaper-da',
    locale: 'da',
    name: 'Rapport til download',
    description: 'A gated report in Danish: key findings in Danish number style and what readers get.',
    conversion: 'soft',
    form: { purpose: 'content_download', name: 'Rapport til download' },
    build: (options) => buildWhitepaperTemplate(WHITEPAPER_DA, options),
  },
  {
    id: 'demo-da',
    locale: 'da',
    name: 'Demobooking',
    description: '“Book en demo” for Danish B2B buyers: results, testimonials and a persondata note by the form.',
    conversion: 'hard',
    form: { purpose: 'demo_request', name: 'Demobooking' },
    build: (options) => buildDemoTemplate(DEMO_DA, options),
  },
  {
    id: 'quote-da',
    locale: 'da',
    name: 'Tilbudsforespørgsel',
    description: 'A tailored tilbud in Danish: the steps, what is included, prices ekskl. moms.',
    conversion: 'hard',
    form: { purpose: 'quote_request', name: 'Tilbudsforespørgsel' },
    build: (options) => buildQuoteTemplate(QUOTE_DA, options),
  },
]

/**
 * What a Form block's form is for, guessed from the block: a template's blocks keep ids like `Form-webinar-9` (in
 * every language), so a block from the webinar template wants a registration form. Anything else: a sales contact.
 */
export function suggestFormPurpose(blockId: string): PurposeId {
  const template = TEMPLATES.find((t) => blockId.startsWith(`Form-${t.id}-`))
  return template?.form?.purpose ?? 'contact_sales'
}
