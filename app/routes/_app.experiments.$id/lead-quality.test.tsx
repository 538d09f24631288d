import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import type { LeadQualityVariant, VariantResult } from '#app/experiments/results/shape'
import { textOf } from '#tests/render-route'
import { LeadQualitySection } from './lead-quality'

const quality = (key: string, visitors: number, customer: number, pipelineValue: number): LeadQualityVariant => ({
  key,
  visitors,
  convertedVisitors: 100,
  hardConversions: 10,
  hardShare: 0.1,
  leads: 90,
  reached: { mql: 40, sql: 20, opportunity: 8, customer },
  reachedShare: { mql: 40 / 90, sql: 20 / 90, opportunity: 8 / 90, customer: customer / 90 },
  lost: 3,
  pipelineValue,
  pipelineValuePer1000Visitors: (pipelineValue / visitors) * 1000,
})
const variant = (key: string, rate: number) => ({ key, rate }) as VariantResult

test('warns when the variant that converts best brings less pipeline per 1,000 visitors', () => {
  const html = renderToStaticMarkup(
    <LeadQualitySection
      currency="SEK"
      metricLabel="Soft conversions"
      variants={[variant('A', 0.05), variant('B', 0.08)]}
      leadQuality={[quality('A', 2000, 4, 90_000), quality('B', 2000, 1, 20_000)]}
    />,
  )
  expect(textOf(html)).toContain(
    'Watch the funnel: B converts best on soft conversions, but A’s leads bring more pipeline: 45,000 against 10,000 per 1,000 visitors (customers per 1,000 visitors: A 2, B 0.5).',
  )
})

test('says nothing when the best converter also brings the most pipeline, and says so when no deal exists yet', () => {
  const same = renderToStaticMarkup(
    <LeadQualitySection currency="SEK" metricLabel="Any conversion" variants={[variant('A', 0.05), variant('B', 0.08)]} leadQuality={[quality('A', 2000, 1, 10_000), quality('B', 2000, 3, 60_000)]} />,
  )
  expect(same).not.toContain('lead-quality-note')
  const none = renderToStaticMarkup(
    <LeadQualitySection currency="SEK" metricLabel="Any conversion" variants={[variant('A', 0.05), variant('B', 0.08)]} leadQuality={[quality('A', 2000, 0, 0), quality('B', 2000, 0, 0)]} />,
  )
  expect(textOf(none)).toContain('No lead of this experiment has reached Opportunity with a deal value yet')
})
