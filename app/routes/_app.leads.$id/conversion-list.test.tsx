import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { ConversionList, formatDuration } from './conversion-list'

const touch = { utmSource: 'google', utmMedium: 'cpc', utmCampaign: '<b>spring</b>', utmTerm: null, utmContent: null, referrer: null, landingPath: '/p/demo', channel: 'paid_search', hasClickId: true }

test('answers, labels and campaign names are shown as text, never as markup', () => {
  const html = renderToStaticMarkup(
    <ConversionList
      conversions={[
        {
          id: 'c1',
          createdAt: '2026-04-02T10:00:00.000Z',
          conversionType: 'hard',
          formName: '<i>Demo</i>',
          pageName: 'Demo',
          pageSlug: 'demo',
          variantKey: 'A',
          answers: { message: '<script>alert(1)</script>', topics: ['<a>', 'b'], agree: true },
          fieldLabels: { message: '<u>Message</u>' },
          optionLabels: {},
          touch,
          firstTouch: null,
          device: 'mobile',
          timeToConvertMs: 90 * 60_000,
        },
      ]}
    />,
  )
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  expect(html).toContain('&lt;a&gt;, b')
  expect(html).toContain('&lt;u&gt;Message&lt;/u&gt;')
  expect(html).toContain('&lt;i&gt;Demo&lt;/i&gt;')
  expect(html).toContain('&lt;b&gt;spring&lt;/b&gt;')
  expect(html).not.toMatch(/<(script|a|u|i|b)>/)
  expect(html).toContain('1 h 30 min after the first visit')
  expect(html).toContain('Yes')
})

test('durations read like people say them', () => {
  expect(formatDuration(20_000)).toBe('under a minute')
  expect(formatDuration(12 * 60_000)).toBe('12 min')
  expect(formatDuration(3 * 3600_000)).toBe('3 h')
  expect(formatDuration(49 * 3600_000)).toBe('2 days 1 h')
  expect(formatDuration(24 * 3600_000)).toBe('1 day')
})

test('options show their labels; a value the form no longer offers shows as stored, marked', () => {
  const html = renderToStaticMarkup(
    <ConversionList
      conversions={[
        {
          id: 'c2',
          createdAt: '2026-04-02T10:00:00.000Z',
          conversionType: 'hard',
          formName: 'Demo',
          pageName: 'Demo',
          pageSlug: 'demo',
          variantKey: 'A',
          answers: { company_size: '11-50', interests: ['ab_testing', 'retired_option'] },
          fieldLabels: { company_size: 'Company size', interests: 'Interested in' },
          optionLabels: { company_size: { '11-50': '11–50 employees' }, interests: { ab_testing: 'A/B testing' } },
          touch,
          firstTouch: null,
          device: 'desktop',
          timeToConvertMs: null,
        },
      ]}
    />,
  )
  expect(html).toContain('11–50 employees')
  expect(html).not.toContain('11-50')
  expect(html).toContain('A/B testing')
  expect(html).not.toContain('ab_testing')
  expect(html).toMatch(/retired_option<span[^>]*> \(stored value, no longer an option\)/)
})
