import { ColumnsBlock } from '#app/pages/blocks/columns'
import { CtaButtonBlock } from '#app/pages/blocks/cta-button'
import { FaqBlock } from '#app/pages/blocks/faq'
import { FeaturesGridBlock } from '#app/pages/blocks/features-grid'
import { FooterBlock } from '#app/pages/blocks/footer'
import { FormBlock } from '#app/pages/blocks/form'
import { HeroBlock } from '#app/pages/blocks/hero'
import { LogoStripBlock } from '#app/pages/blocks/logo-strip'
import { RichTextBlock } from '#app/pages/blocks/rich-text'
import { SectionBlock } from '#app/pages/blocks/section'
import { StatsBlock } from '#app/pages/blocks/stats'
import { TestimonialsBlock } from '#app/pages/blocks/testimonials'
import { createTemplateBuilder, templateDocument, type TemplateOptions } from '#app/pages/templates/template-builder'

/** Hard conversion: a demo request for a B2B product, with the form on a brand-coloured band. */
export function buildDemoTemplate({ formId = '' }: TemplateOptions = {}) {
  const block = createTemplateBuilder('demo')
  return templateDocument([
    block(HeroBlock, {
      eyebrow: 'Revenue operations platform',
      headline: 'Every deal, forecast and renewal in one place',
      subheadline: 'Give sales, finance and customer success the same live numbers. See it with your own data in a 30-minute demo.',
      ctaLabel: 'Book a demo',
      ctaLink: '#form',
      imageUrl: '/images/templates/hero-dashboard.svg',
      imageAlt: 'The product dashboard with revenue charts',
      background: 'light',
    }),
    block(LogoStripBlock, { heading: 'Trusted by revenue teams at' }),
    block(FeaturesGridBlock, {
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
    }),
    block(StatsBlock, {
      heading: 'Results our customers measure',
      items: [
        { value: '+18%', label: 'forecast accuracy' },
        { value: '9 h', label: 'saved per manager each week' },
        { value: '−23%', label: 'revenue churn in year one' },
        { value: '30 days', label: 'average time to go live' },
      ],
    }),
    block(TestimonialsBlock, {
      heading: 'Why teams switched',
      items: [
        {
          quote: 'Our forecast call went from an hour of arguing about numbers to fifteen minutes of deciding what to do.',
          name: 'Dana Whitfield',
          role: 'VP Sales, Northwind',
          avatar: '/images/templates/avatar-1.svg',
        },
        {
          quote: 'Finance and sales finally agree on ARR. That alone paid for the platform.',
          name: 'Tom Becker',
          role: 'CFO, Adatum Health',
          avatar: '/images/templates/avatar-2.svg',
        },
        {
          quote: 'We caught three at-risk renewals in the first month. The onboarding team was outstanding.',
          name: 'Elena Rossi',
          role: 'Head of Customer Success, Contoso',
          avatar: '/images/templates/avatar-3.svg',
        },
      ],
    }),
    block(SectionBlock, {
      background: 'brand',
      spacing: 'large',
      content: [
        block(ColumnsBlock, {
          count: '2',
          verticalAlign: 'center',
          left: [
            block(RichTextBlock, {
              content:
                '<h2>What happens in the demo</h2><ul><li>A 30-minute call with a product specialist, not a sales script</li><li>Your own pipeline, forecast and renewal questions</li><li>A clear estimate of time and cost to go live</li></ul><p>No obligation. Most teams decide within two weeks.</p>',
            }),
          ],
          right: [block(FormBlock, { formId, heading: 'Book your demo', text: 'Tell us about your team and a product specialist will get in touch to find a time.' })],
        }),
      ],
    }),
    block(FaqBlock, {
      heading: 'Frequently asked questions',
      items: [
        { question: 'How long does implementation take?', answer: 'Most customers are live within 30 days. Connecting your CRM and billing system usually takes a day.' },
        { question: 'Do you integrate with our CRM?', answer: 'We sync natively with the major CRMs and billing systems, and offer an open API for everything else.' },
        { question: 'How is pricing structured?', answer: 'Annual subscriptions based on the number of users, with no implementation fee. We share a quote after the demo.' },
        { question: 'Where is our data stored?', answer: 'In EU data centres by default, encrypted in transit and at rest. US hosting is available on request.' },
      ],
    }),
    block(CtaButtonBlock, { label: 'Book a demo', action: 'form', align: 'center', note: '30 minutes. No obligation.' }),
    block(FooterBlock, { text: '© Your Company. All rights reserved.', links: [] }),
  ])
}
