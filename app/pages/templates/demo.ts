import { ColumnsBlock } from '#app/pages/blocks/columns'
import { CtaButtonBlock, type CtaButtonProps } from '#app/pages/blocks/cta-button'
import { FaqBlock, type FaqProps } from '#app/pages/blocks/faq'
import { FeaturesGridBlock, type FeaturesGridProps } from '#app/pages/blocks/features-grid'
import { FooterBlock } from '#app/pages/blocks/footer'
import { FormBlock, type FormProps } from '#app/pages/blocks/form'
import { HeroBlock, type HeroProps } from '#app/pages/blocks/hero'
import { LogoStripBlock } from '#app/pages/blocks/logo-strip'
import { RichTextBlock } from '#app/pages/blocks/rich-text'
import { SectionBlock } from '#app/pages/blocks/section'
import { StatsBlock, type StatsProps } from '#app/pages/blocks/stats'
import { TestimonialsBlock, type TestimonialsProps } from '#app/pages/blocks/testimonials'
import { createTemplateBuilder, templateDocument, type TemplateOptions } from '#app/pages/templates/template-builder'

/** Every word a demo page says; each language writes its own (demo.ts, sv.ts, da.ts) on the one layout below. */
export type DemoCopy = {
  hero: Pick<HeroProps, 'eyebrow' | 'headline' | 'subheadline' | 'ctaLabel' | 'imageAlt'>
  logos: string
  features: Pick<FeaturesGridProps, 'heading' | 'intro' | 'items'>
  stats: StatsProps
  testimonials: TestimonialsProps
  /** Rich text beside the form: what happens in the demo. */
  inTheDemo: string
  form: Pick<FormProps, 'heading' | 'text'>
  faq: FaqProps
  cta: Pick<CtaButtonProps, 'label' | 'note'>
  footer: string
}

/** Hard conversion: a demo request for a B2B product, with the form on a brand-coloured band. */
export function buildDemoTemplate(copy: DemoCopy, { formId = '' }: TemplateOptions = {}) {
  // Block ids stay `…-demo-N` in every language: suggestFormPurpose reads the purpose from them.
  const block = createTemplateBuilder('demo')
  return templateDocument([
    block(HeroBlock, { ...copy.hero, ctaLink: '#form', imageUrl: '/images/templates/hero-dashboard.svg', background: 'light' }),
    block(LogoStripBlock, { heading: copy.logos }),
    block(FeaturesGridBlock, copy.features),
    block(StatsBlock, copy.stats),
    block(TestimonialsBlock, copy.testimonials),
    block(SectionBlock, {
      background: 'brand',
      spacing: 'large',
      content: [
        block(ColumnsBlock, {
          count: '2',
          verticalAlign: 'center',
          left: [block(RichTextBlock, { content: copy.inTheDemo })],
          right: [block(FormBlock, { formId, ...copy.form })],
        }),
      ],
    }),
    block(FaqBlock, copy.faq),
    block(CtaButtonBlock, { ...copy.cta, action: 'form', align: 'center' }),
    block(FooterBlock, { text: copy.footer, links: [] }),
  ])
}

export const DEMO_EN: DemoCopy = {
  hero: {
    eyebrow: 'Revenue operations platform',
    headline: 'Every deal, forecast and renewal in one place',
    subheadline: 'Give sales, finance and customer success the same live numbers. See it with your own data in a 30-minute demo.',
    ctaLabel: 'Book a demo',
    imageAlt: 'The product dashboard with revenue charts',
  },
  logos: 'Trusted by revenue teams at',
  features: {
    heading: 'Built for the way B2B revenue works',
    intro: 'Replace the spreadsheets between your CRM, billing and support tools.',
    items: [
      { icon: '🎯', title: 'Forecasts you can defend', text: 'Roll-ups from every rep, with the history behind each change.' },
      { icon: '🔗', title: 'Connected in a day', text: 'Native sync with your CRM, billing system and data warehouse.' },
      { icon: '🔔', title: 'Renewals on time', text: 'Risk alerts 90 days ahead, based on usage and support signals.' },
      { icon: '🧾', title: 'Finance-grade numbers', text: 'Bookings, ARR and churn that reconcile with the ledger.' },
      { icon: '🛡️', title: 'Enterprise security', text: 'SSO, role-based access, audit logs and EU data residency.' },
      { icon: '🤝', title: 'A team that stays', text: 'A named success manager from kickoff to renewal.' },
    ],
  },
  stats: {
    heading: 'Results our customers measure',
    items: [
      { value: '+18%', label: 'forecast accuracy' },
      { value: '9 h', label: 'saved per manager each week' },
      { value: '−23%', label: 'revenue churn in year one' },
      { value: '30 days', label: 'average time to go live' },
    ],
  },
  testimonials: {
    heading: 'Why teams switched',
    items: [
      {
        quote: 'Our forecast call went from an hour of arguing about numbers to fifteen minutes of deciding what to do.',
        name: 'Dana Whitfield',
        role: 'VP Sales, Northwind',
        avatar: '/images/templates/avatar-1.svg',
      },
      { quote: 'Finance and sales finally agree on ARR. That alone paid for the platform.', name: 'Tom Becker', role: 'CFO, Adatum Health', avatar: '/images/templates/avatar-2.svg' },
      {
        quote: 'We caught three at-risk renewals in the first month. The onboarding team was outstanding.',
        name: 'Elena Rossi',
        role: 'Head of Customer Success, Contoso',
        avatar: '/images/templates/avatar-3.svg',
      },
    ],
  },
  inTheDemo:
    '<h2>What happens in the demo</h2><ul><li>A 30-minute call with a product specialist, not a sales script</li><li>Your own pipeline, forecast and renewal questions</li><li>A clear estimate of time and cost to go live</li></ul><p>No obligation. Most teams decide within two weeks.</p>',
  form: { heading: 'Book your demo', text: 'Tell us about your team and a product specialist will get in touch to find a time.' },
  faq: {
    heading: 'Frequently asked questions',
    items: [
      { question: 'How long does implementation take?', answer: 'Most customers are live within 30 days. Connecting your CRM and billing system usually takes a day.' },
      { question: 'Do you integrate with our CRM?', answer: 'We sync natively with the major CRMs and billing systems, and offer an open API for everything else.' },
      { question: 'How is pricing structured?', answer: 'Annual subscriptions based on the number of users, with no implementation fee. We share a quote after the demo.' },
      { question: 'Where is our data stored?', answer: 'In EU data centres by default, encrypted in transit and at rest. US hosting is available on request.' },
    ],
  },
  cta: { label: 'Book a demo', note: '30 minutes. No obligation.' },
  footer: '© Your Company. All rights reserved.',
}
