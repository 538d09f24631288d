import type { TemplateId } from '#app/pages/schema'

// The seeded demo pages, one per starter template. Plain data, so scripts can read it without the app.
export const DEMO_PAGES: { slug: string; name: string; template: TemplateId }[] = [
  { slug: 'demo-webinar', name: 'Webinar: Forecasting pipeline in 2027', template: 'webinar' },
  { slug: 'demo-whitepaper', name: 'Whitepaper: The B2B conversion benchmark', template: 'whitepaper' },
  { slug: 'demo-book-a-demo', name: 'Book a demo', template: 'demo' },
  { slug: 'demo-quote', name: 'Request a quote', template: 'quote' },
]
