import { CountdownBlock, type CountdownProps } from '#app/pages/blocks/countdown'
import { CtaButtonBlock, type CtaButtonProps } from '#app/pages/blocks/cta-button'
import { FaqBlock, type FaqProps } from '#app/pages/blocks/faq'
import { FeaturesGridBlock, type FeaturesGridProps } from '#app/pages/blocks/features-grid'
import { FooterBlock } from '#app/pages/blocks/footer'
import { FormBlock, type FormProps } from '#app/pages/blocks/form'
import { HeroBlock, type HeroProps } from '#app/pages/blocks/hero'
import { LogoStripBlock } from '#app/pages/blocks/logo-strip'
import { StatsBlock, type StatsProps } from '#app/pages/blocks/stats'
import { TestimonialsBlock, type TestimonialsProps } from '#app/pages/blocks/testimonials'
import { createTemplateBuilder, daysFromNow, templateDocument, type TemplateOptions } from '#app/pages/templates/template-builder'

/** Every word a webinar page says; each language writes its own (webinar.ts, sv.ts, da.ts) on the one layout below. */
export type WebinarCopy = {
  hero: Pick<HeroProps, 'eyebrow' | 'headline' | 'subheadline' | 'ctaLabel' | 'imageAlt'>
  countdown: Pick<CountdownProps, 'label' | 'expiredText'>
  logos: string
  features: Pick<FeaturesGridProps, 'heading' | 'intro' | 'items'>
  stats: StatsProps
  testimonials: TestimonialsProps
  form: Pick<FormProps, 'heading' | 'text'>
  faq: FaqProps
  cta: Pick<CtaButtonProps, 'label' | 'note'>
  footer: string
}

/** Soft conversion: registration for a live webinar, with a countdown to the start. */
export function buildWebinarTemplate(copy: WebinarCopy, { formId = '' }: TemplateOptions = {}) {
  const block = createTemplateBuilder('webinar')
  return templateDocument([
    block(HeroBlock, { ...copy.hero, ctaLink: '#form', imageUrl: '/images/templates/hero-webinar.svg', background: 'light' }),
    block(CountdownBlock, { ...copy.countdown, target: daysFromNow(14) }),
    block(LogoStripBlock, { heading: copy.logos }),
    block(FeaturesGridBlock, copy.features),
    block(StatsBlock, copy.stats),
    block(TestimonialsBlock, copy.testimonials),
    block(FormBlock, { formId, ...copy.form }),
    block(FaqBlock, copy.faq),
    block(CtaButtonBlock, { ...copy.cta, action: 'form', align: 'center' }),
    block(FooterBlock, { text: copy.footer, links: [] }),
  ])
}

export const WEBINAR_EN: WebinarCopy = {
  hero: {
    eyebrow: 'Free live webinar · 45 minutes',
    headline: 'Close the books in 3 days, not 10',
    subheadline: 'Two finance leaders show the month-end playbook they used to cut closing time by 70% — without adding headcount. Live Q&A included.',
    ctaLabel: 'Save my seat',
    imageAlt: 'A video call with two speakers presenting a chart',
  },
  countdown: { label: 'The session starts in', expiredText: 'This session has started. Register to get the recording.' },
  logos: 'Finance teams from these companies attended',
  features: {
    heading: 'What you will learn',
    intro: 'A practical session, no slideware: every step comes with the template we use.',
    items: [
      { icon: '🗓️', title: 'A 3-day close calendar', text: 'Which tasks to move before month-end and which to cut altogether.' },
      { icon: '🔁', title: 'Reconciliations on autopilot', text: 'How to match 95% of transactions automatically and review only exceptions.' },
      { icon: '📊', title: 'Reporting leadership trusts', text: 'One set of numbers, with an audit trail from every figure to its source.' },
    ],
  },
  stats: {
    heading: '',
    items: [
      { value: '70%', label: 'shorter month-end close' },
      { value: '12 h', label: 'saved per accountant each month' },
      { value: '4,800+', label: 'finance professionals attended' },
    ],
  },
  testimonials: {
    heading: 'What past attendees say',
    items: [
      {
        quote: 'The close calendar alone was worth the hour. We shipped it the following month and closed two days earlier.',
        name: 'Priya Natarajan',
        role: 'Controller, Tailspin Logistics',
        avatar: '/images/templates/avatar-1.svg',
      },
      { quote: 'Concrete, honest and no sales pitch. I forwarded the recording to my whole team.', name: 'Tom Becker', role: 'CFO, Adatum Health', avatar: '/images/templates/avatar-2.svg' },
    ],
  },
  form: { heading: 'Save your free seat', text: 'Can’t make it live? Register anyway and we will send you the recording and the templates.' },
  faq: {
    heading: 'Questions about the webinar',
    items: [
      { question: 'Is the webinar free?', answer: 'Yes. There is no cost and no obligation.' },
      { question: 'Will there be a recording?', answer: 'Yes. Everyone who registers gets the recording and the slides by email the day after.' },
      { question: 'Who is this session for?', answer: 'Controllers, finance managers and CFOs at companies with 50 to 5,000 employees.' },
      { question: 'How long is it?', answer: '30 minutes of content and 15 minutes of live Q&A.' },
    ],
  },
  cta: { label: 'Register for free', note: 'Takes 20 seconds. No credit card.' },
  footer: '© Your Company. All rights reserved.',
}
