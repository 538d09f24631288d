import { ColumnsBlock } from '#app/pages/blocks/columns'
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

/** Every word a report page says; each language writes its own (whitepaper.ts, sv.ts, da.ts) on the one layout below. */
export type WhitepaperCopy = {
  hero: Pick<HeroProps, 'eyebrow' | 'headline' | 'subheadline' | 'ctaLabel' | 'imageAlt'>
  stats: StatsProps
  features: Pick<FeaturesGridProps, 'heading' | 'intro' | 'items'>
  /** Rich text beside the form: who the report is for. */
  whoShouldRead: string
  form: Pick<FormProps, 'heading' | 'text'>
  logos: string
  testimonials: TestimonialsProps
  faq: FaqProps
  footer: string
}

/** Soft conversion: a gated report, with the form beside what is inside it. */
export function buildWhitepaperTemplate(copy: WhitepaperCopy, { formId = '' }: TemplateOptions = {}) {
  const block = createTemplateBuilder('whitepaper')
  return templateDocument([
    block(HeroBlock, { ...copy.hero, ctaLink: '#form', imageUrl: '/images/templates/hero-whitepaper.svg', background: 'light' }),
    block(StatsBlock, copy.stats),
    block(FeaturesGridBlock, copy.features),
    block(SectionBlock, {
      background: 'light',
      spacing: 'large',
      content: [
        block(ColumnsBlock, {
          count: '2',
          verticalAlign: 'center',
          left: [block(RichTextBlock, { content: copy.whoShouldRead })],
          right: [block(FormBlock, { formId, ...copy.form })],
        }),
      ],
    }),
    block(LogoStripBlock, { heading: copy.logos }),
    block(TestimonialsBlock, copy.testimonials),
    block(FaqBlock, copy.faq),
    block(FooterBlock, { text: copy.footer, links: [] }),
  ])
}

export const WHITEPAPER_EN: WhitepaperCopy = {
  hero: {
    eyebrow: 'Free report',
    headline: 'The B2B onboarding benchmark',
    subheadline: 'How 1,200 software companies turn signed contracts into active customers — and what the top 10% do differently.',
    ctaLabel: 'Get the free report',
    imageAlt: 'The cover of the benchmark report with charts',
  },
  stats: {
    heading: 'Key findings',
    items: [
      { value: '63%', label: 'of churn happens in the first 90 days' },
      { value: '2.4×', label: 'faster time-to-value for the top 10%' },
      { value: '18 days', label: 'median onboarding time' },
    ],
  },
  features: {
    heading: 'Inside the report',
    intro: '42 pages of data and playbooks, written for customer success and operations leaders.',
    items: [
      { icon: '📐', title: 'Benchmarks by segment', text: 'Onboarding time, activation and early churn for SMB, mid-market and enterprise.' },
      { icon: '🧭', title: 'The top-10% playbook', text: 'The seven practices that separate the fastest teams from the rest.' },
      { icon: '🧮', title: 'A business-case template', text: 'Put a number on faster onboarding for your own leadership team.' },
      { icon: '✅', title: 'A 30-day action plan', text: 'Where to start on Monday, with owners and milestones.' },
    ],
  },
  whoShouldRead:
    '<h2>Who should read it</h2><p>The report is written for people who own the first months of the customer relationship:</p><ul><li>Heads of customer success and onboarding</li><li>Revenue and sales operations leaders</li><li>Founders of growing software companies</li></ul><p>No fluff: every chart comes with the question it answers and what to do about it.</p>',
  form: { heading: 'Get your free copy', text: 'Leave your details and we will send you the report.' },
  logos: 'Read by teams at',
  testimonials: {
    heading: 'What readers say',
    items: [
      {
        quote: 'The segment benchmarks finally gave us a fair target. We shortened onboarding by a week in one quarter.',
        name: 'Elena Rossi',
        role: 'VP Customer Success, Contoso',
        avatar: '/images/templates/avatar-3.svg',
      },
      { quote: 'I used the business-case template in our board deck the same week.', name: 'Marcus Lee', role: 'COO, Fabrikam', avatar: '/images/templates/avatar-2.svg' },
    ],
  },
  faq: {
    heading: 'Questions',
    items: [
      { question: 'Is the report really free?', answer: 'Yes. We only ask for a few details so we can send it to you.' },
      { question: 'Where does the data come from?', answer: 'From an anonymous survey of 1,200 companies and aggregated product data, collected over the last 12 months.' },
      { question: 'Will you share my details?', answer: 'No. We never sell or share your details.' },
    ],
  },
  footer: '© Your Company. All rights reserved.',
}
