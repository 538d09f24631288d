import { describe, expect, test } from 'vitest'
import { buildExperimentConsent, CONSENT_RATE_P_VALUE_THRESHOLD } from './consent'

const row = (key: string, views: number, consented: number, cookieless = views - consented) => ({ key, views, consented, cookieless })

describe('buildExperimentConsent', () => {
  test('per variant, in the experiment order: views asked, consented, the rate; a variant without rows reads zero and null', () => {
    const consent = buildExperimentConsent(['A', 'B', 'C'], [row('B', 1000, 600), row('A', 1000, 610)])
    expect(consent.variants).toEqual([
      { key: 'A', views: 1000, consented: 610, rate: 0.61, cookieless: 390 },
      { key: 'B', views: 1000, consented: 600, rate: 0.6, cookieless: 400 },
      { key: 'C', views: 0, consented: 0, rate: null, cookieless: 0 },
    ])
    // 61 % against 60 % on 1,000 views each: chance explains it.
    expect(consent.pValue).toBeGreaterThan(0.5)
    expect(consent.consentRateWarning).toBeNull()
  })

  test('rates that differ significantly warn, naming the highest and the lowest and why it matters', () => {
    const consent = buildExperimentConsent(['A', 'B'], [row('A', 2000, 1240), row('B', 2000, 1000)])
    expect(consent.pValue).toBeLessThan(CONSENT_RATE_P_VALUE_THRESHOLD)
    expect(consent.consentRateWarning).toMatch(/^The variants change how many visitors accept cookies: A 62\.0% against B 50\.0% \(p < 0\.0001\)\./)
    expect(consent.consentRateWarning).toContain('biased')
  })

  test('a difference short of the threshold does not warn; too few views are not tested at all', () => {
    // p ≈ 0.02: suggestive, but the check runs at every look, so it waits for p < 0.001.
    const close = buildExperimentConsent(['A', 'B'], [row('A', 1000, 600), row('B', 1000, 550)])
    expect(close.pValue).toBeGreaterThan(CONSENT_RATE_P_VALUE_THRESHOLD)
    expect(close.pValue).toBeLessThan(0.05)
    expect(close.consentRateWarning).toBeNull()
    const few = buildExperimentConsent(['A', 'B'], [row('A', 4, 4), row('B', 4, 0)])
    expect(few.pValue).toBeNull()
    expect(few.consentRateWarning).toBeNull()
  })

  test('no views asked (cookies or cookieless mode): no rate, no test', () => {
    const consent = buildExperimentConsent(['A', 'B'], [row('A', 0, 0, 500), row('B', 0, 0, 480)])
    expect(consent.variants.map((v) => v.rate)).toEqual([null, null])
    expect(consent.pValue).toBeNull()
  })
})
