import { CtaButtonBlock } from '#app/pages/blocks/cta-button'
import { FaqBlock } from '#app/pages/blocks/faq'
import { FeaturesGridBlock } from '#app/pages/blocks/features-grid'
import { FooterBlock } from '#app/pages/blocks/footer'
import { FormBlock } from '#app/pages/blocks/form'
import { HeroBlock } from '#app/pages/blocks/hero'
import { LogoStripBlock } from '#app/pages/blocks/logo-strip'
import { SectionBlock } from '#app/pages/blocks/section'
import { StatsBlock } from '#app/pages/blocks/stats'
import { TestimonialsBlock } from '#app/pages/blocks/testimonials'
import { createTemplateBuilder, templateDocument, type TemplateOptions } from '#app/pages/templates/template-builder'

/** Hard conversion: a request for a tailored quote, explaining the steps that follow. */
export function buildQuoteTemplate({ formId = '' }: TemplateOptions = {}) {
  const block = createTemplateBuilder('quote')
  return templateDocument([
    block(HeroBlock, {
      eyebrow: 'Managed IT for growing companies',
      headline: 'A fixed monthly price for IT that just works',
      subheadline: 'Tell us about your team and we will send a tailored, all-inclusive quote within one business day.',
      ctaLabel: 'Request a quote',
      ctaLink: '#form',
      secondaryLabel: 'How it works',
      secondaryLink: '#how-it-works',
      imageUrl: '/images/templates/hero-quote.svg',
      imageAlt: 'A quote document with included services and a total price',
      background: 'light',
    }),
    block(LogoStripBlock, { heading: 'Looking after 400+ companies, including' }),
    block(SectionBlock, {
      background: 'none',
      spacing: 'medium',
      anchor: 'how-it-works',
      content: [
        block(FeaturesGridBlock, {
          heading: 'How it works',
          intro: 'From request to a signed quote in three steps.',
          items: [
            { icon: '1️⃣', title: 'Tell us about your team', text: 'Number of people, locations and the tools you use. Two minutes.' },
            { icon: '2️⃣', title: 'Get your quote', text: 'A fixed monthly price within one business day, with everything listed.' },
            { icon: '3️⃣', title: 'Switch without downtime', text: 'We take over from your current provider over a weekend.' },
          ],
        }),
      ],
    }),
    block(SectionBlock, {
      background: 'light',
      spacing: 'medium',
      content: [
        block(FeaturesGridBlock, {
          heading: 'Every plan includes',
          intro: '',
          items: [
            { icon: '🎧', title: 'Unlimited helpdesk', text: 'Phone, chat and email support with a 15-minute response time.' },
            { icon: '💻', title: 'Device management', text: 'Laptops set up, patched and protected, wherever your people work.' },
            { icon: '🔐', title: 'Security and backups', text: 'Endpoint protection, phishing training and daily tested backups.' },
            { icon: '📋', title: 'Quarterly reviews', text: 'A roadmap meeting with your account manager every quarter.' },
          ],
        }),
      ],
    }),
    block(StatsBlock, {
      heading: '',
      items: [
        { value: '15 min', label: 'average response time' },
        { value: '99.9%', label: 'uptime for managed systems' },
        { value: '4.9/5', label: 'customer satisfaction' },
      ],
    }),
    block(TestimonialsBlock, {
      heading: 'Customers on switching',
      items: [
        {
          quote: 'The quote was clear to the last line item, and the switch happened over one weekend. Nobody noticed, which is the point.',
          name: 'Priya Natarajan',
          role: 'Office Manager, Tailspin Logistics',
          avatar: '/images/templates/avatar-1.svg',
        },
        {
          quote: 'We pay the same every month and our IT tickets are solved the same day.',
          name: 'Marcus Lee',
          role: 'Managing Director, Fabrikam',
          avatar: '/images/templates/avatar-2.svg',
        },
      ],
    }),
    block(FormBlock, {
      formId,
      heading: 'Request your quote',
      text: 'No obligation. A specialist will reply within one business day.',
    }),
    block(FaqBlock, {
      heading: 'Frequently asked questions',
      items: [
        { question: 'What does the monthly price include?', answer: 'Helpdesk, device management, security, backups and quarterly reviews. Hardware is quoted separately if you need it.' },
        { question: 'Is there a minimum contract term?', answer: 'Twelve months, then monthly. You can add or remove users each month.' },
        { question: 'Can you work with our existing provider?', answer: 'Yes. We coordinate the handover with them so nothing is lost along the way.' },
        { question: 'How fast can we start?', answer: 'Typically two weeks after you accept the quote.' },
      ],
    }),
    block(CtaButtonBlock, { label: 'Request a quote', action: 'form', align: 'center', note: 'Free and without obligation.' }),
    block(FooterBlock, { text: '© Your Company. All rights reserved.', links: [] }),
  ])
}
