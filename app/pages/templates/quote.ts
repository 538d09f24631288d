import { CtaButtonBlock, type CtaButtonProps } from '#app/pages/blocks/cta-button'
import { FaqBlock, type FaqProps } from '#app/pages/blocks/faq'
import { FeaturesGridBlock, type FeaturesGridProps } from '#app/pages/blocks/features-grid'
import { FooterBlock } from '#app/pages/blocks/footer'
import { FormBlock, type FormProps } from '#app/pages/blocks/form'
import { HeroBlock, type HeroProps } from '#app/pages/blocks/hero'
import { LogoStripBlock } from '#app/pages/blocks/logo-strip'
import { SectionBlock } from '#app/pages/blocks/section'
import { StatsBlock, type StatsProps } from '#app/pages/blocks/stats'
import { TestimonialsBlock, type TestimonialsProps } from '#app/pages/blocks/testimonials'
import { createTemplateBuilder, templateDocument, type TemplateOptions } from '#app/pages/templates/template-builder'

/** Every word a quote page says; each language writes its own (quote.ts, sv.ts, da.ts) on the one layout below. */
export type QuoteCopy = {
  hero: Pick<HeroProps, 'eyebrow' | 'headline' | 'subheadline' | 'ctaLabel' | 'secondaryLabel' | 'imageAlt'>
  logos: string
  howItWorks: Pick<FeaturesGridProps, 'heading' | 'intro' | 'items'>
  included: Pick<FeaturesGridProps, 'heading' | 'items'>
  stats: StatsProps
  testimonials: TestimonialsProps
  form: Pick<FormProps, 'heading' | 'text'>
  faq: FaqProps
  cta: Pick<CtaButtonProps, 'label' | 'note'>
  footer: string
}

/** Hard conversion: a request for a tailored quote, explaining the steps that follow. */
export function buildQuoteTemplate(copy: QuoteCopy, { formId = '' }: TemplateOptions = {}) {
  const block = createTemplateBuilder('quote')
  return templateDocument([
    block(HeroBlock, {
      ...copy.hero,
      ctaLink: '#form',
      // The anchor is part of the address, not of the copy: the same in every language.
      secondaryLink: '#how-it-works',
      imageUrl: '/images/templates/hero-quote.svg',
      background: 'light',
    }),
    block(LogoStripBlock, { heading: copy.logos }),
    block(SectionBlock, { background: 'none', spacing: 'medium', anchor: 'how-it-works', content: [block(FeaturesGridBlock, copy.howItWorks)] }),
    block(SectionBlock, { background: 'light', spacing: 'medium', content: [block(FeaturesGridBlock, { ...copy.included, intro: '' })] }),
    block(StatsBlock, copy.stats),
    block(TestimonialsBlock, copy.testimonials),
    block(FormBlock, { formId, ...copy.form }),
    block(FaqBlock, copy.faq),
    block(CtaButtonBlock, { ...copy.cta, action: 'form', align: 'center' }),
    block(FooterBlock, { text: copy.footer, links: [] }),
  ])
}

export const QUOTE_EN: QuoteCopy = {
  hero: {
    eyebrow: 'Managed IT for growing companies',
    headline: 'A fixed monthly price for IT that just works',
    subheadline: 'Tell us about your team and we will send a tailored, all-inclusive quote within one business day.',
    ctaLabel: 'Request a quote',
    secondaryLabel: 'How it works',
    imageAlt: 'A quote document with included services and a total price',
  },
  logos: 'Looking after 400+ companies, including',
  howItWorks: {
    heading: 'How it works',
    intro: 'From request to a signed quote in three steps.',
    items: [
      { icon: '1️⃣', title: 'Tell us about your team', text: 'Number of people, locations and the tools you use. Two minutes.' },
      { icon: '2️⃣', title: 'Get your quote', text: 'A fixed monthly price within one business day, with everything listed.' },
      { icon: '3️⃣', title: 'Switch without downtime', text: 'We take over from your current provider over a weekend.' },
    ],
  },
  included: {
    heading: 'Every plan includes',
    items: [
      { icon: '🎧', title: 'Unlimited helpdesk', text: 'Phone, chat and email support with a 15-minute response time.' },
      { icon: '💻', title: 'Device management', text: 'Laptops set up, patched and protected, wherever your people work.' },
      { icon: '🔐', title: 'Security and backups', text: 'Endpoint protection, phishing training and daily tested backups.' },
      { icon: '📋', title: 'Quarterly reviews', text: 'A roadmap meeting with your account manager every quarter.' },
    ],
  },
  stats: {
    heading: '',
    items: [
      { value: '15 min', label: 'average response time' },
      { value: '99.9%', label: 'uptime for managed systems' },
      { value: '4.9/5', label: 'customer satisfaction' },
    ],
  },
  testimonials: {
    heading: 'Customers on switching',
    items: [
      {
        quote: 'The quote was clear to the last line item, and the switch happened over one weekend. Nobody noticed, which is the point.',
        name: 'Priya Natarajan',
        role: 'Office Manager, Tailspin Logistics',
        avatar: '/images/templates/avatar-1.svg',
      },
      { quote: 'We pay the same every month and our IT tickets are solved the same day.', name: 'Marcus Lee', role: 'Managing Director, Fabrikam', avatar: '/images/templates/avatar-2.svg' },
    ],
  },
  form: { heading: 'Request your quote', text: 'No obligation. A specialist will reply within one business day.' },
  faq: {
    heading: 'Frequently asked questions',
    items: [
      { question: 'What does the monthly price include?', answer: 'Helpdesk, device management, security, backups and quarterly reviews. Hardware is quoted separately if you need it.' },
      { question: 'Is there a minimum contract term?', answer: 'Twelve months, then monthly. You can add or remove users each month.' },
      { question: 'Can you work with our existing provider?', answer: 'Yes. We coordinate the handover with them so nothing is lost along the way.' },
      { question: 'How fast can we start?', answer: 'Typically two weeks after you accept the quote.' },
    ],
  },
  cta: { label: 'Request a quote', note: 'Free and without obligation.' },
  footer: '© Your Company. All rights reserved.',
}
