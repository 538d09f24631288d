import { FooterBlock } from '#app/pages/blocks/footer'
import { FormBlock } from '#app/pages/blocks/form'
import { HeroBlock } from '#app/pages/blocks/hero'
import { createTemplateBuilder, templateDocument, type TemplateOptions } from '#app/pages/templates/template-builder'

/** A nearly empty page to build from: a centred hero, the form and a footer. */
export function buildBlankTemplate({ formId = '' }: TemplateOptions = {}) {
  const block = createTemplateBuilder('blank')
  return templateDocument([
    block(HeroBlock, {
      headline: 'Your headline',
      subheadline: 'Say who this page is for and what they get. Add blocks from the left-hand panel.',
      ctaLabel: 'Get started',
      ctaLink: '#form',
      imageUrl: '',
      imageAlt: '',
      layout: 'centered',
      background: 'light',
    }),
    block(FormBlock, { formId, heading: 'Get in touch', text: 'Leave your details and we will get back to you.' }),
    block(FooterBlock, { text: '© Your Company. All rights reserved.', links: [] }),
  ])
}
