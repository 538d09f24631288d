import { describe, expect, test } from 'vitest'
import { fieldErrorsOf } from '#app/http/field-errors'
import { AnalyzeRequestSchema, SampleSizeRequestSchema } from './schema'

const variants = [
  { key: 'A', visitors: 1000, conversions: 100 },
  { key: 'B', visitors: 1000, conversions: 120 },
]

function errorsFor(body: unknown, schema: { safeParse: typeof AnalyzeRequestSchema.safeParse } = AnalyzeRequestSchema) {
  const result = schema.safeParse(body)
  expect(result.success).toBe(false)
  return fieldErrorsOf(result.error!)
}

describe('AnalyzeRequestSchema', () => {
  test('accepts a minimal and a complete request', () => {
    expect(AnalyzeRequestSchema.safeParse({ variants }).success).toBe(true)
    const full = { variants, control: 'B', confidence: 0.9, weights: [0.3, 0.7], sequential: false, plannedVisitorsPerVariant: 5000, dailyVisitors: 1200 }
    expect(AnalyzeRequestSchema.parse(full)).toEqual(full)
  })

  test.each([
    ['negative counts', { variants: [{ key: 'A', visitors: -1, conversions: 0 }, variants[1]] }, 'variants.0.visitors', /negative/],
    ['fractional counts', { variants: [variants[0], { key: 'B', visitors: 10.5, conversions: 1 }] }, 'variants.1.visitors', /whole number/],
    ['conversions above visitors', { variants: [variants[0], { key: 'B', visitors: 100, conversions: 120 }] }, 'variants.1.conversions', /cannot exceed visitors/],
    ['NaN', { variants: [{ key: 'A', visitors: Number.NaN, conversions: 0 }, variants[1]] }, 'variants.0.visitors', /must be a number/],
    ['a string count', { variants: [{ key: 'A', visitors: '1000', conversions: 0 }, variants[1]] }, 'variants.0.visitors', /must be a number/],
    ['unknown control', { variants, control: 'Z' }, 'control', /"Z" is not the key/],
    ['weights of the wrong length', { variants, weights: [1] }, 'weights', /one entry per variant/],
    ['weights not summing to 1', { variants, weights: [0.5, 0.6] }, 'weights', /add up to 1/],
    ['a zero weight', { variants, weights: [1, 0] }, 'weights.1', /above 0/],
    ['fewer than 2 variants', { variants: [variants[0]] }, 'variants', /at least 2/],
    ['more than 20 variants', { variants: Array.from({ length: 21 }, (_, i) => ({ key: `V${i}`, visitors: 10, conversions: 1 })) }, 'variants', /at most 20/],
    ['duplicate keys', { variants: [variants[0], { ...variants[1], key: 'A' }] }, 'variants.1.key', /more than one variant/],
    ['an empty key', { variants: [variants[0], { ...variants[1], key: ' ' }] }, 'variants.1.key', /empty/],
    ['confidence 0.5', { variants, confidence: 0.5 }, 'confidence', /between 0.5 and 0.9999/],
    ['confidence 1', { variants, confidence: 1 }, 'confidence', /between 0.5 and 0.9999/],
    ['sequential as a string', { variants, sequential: 'yes' }, 'sequential', /true or false/],
    ['a tiny plan', { variants, plannedVisitorsPerVariant: 10 }, 'plannedVisitorsPerVariant', /at least 100/],
    ['zero daily visitors', { variants, dailyVisitors: 0 }, 'dailyVisitors', /above 0/],
    ['a fixed-horizon test without a plan', { variants, sequential: false }, 'plannedVisitorsPerVariant', /required with sequential: false/],
  ])('%s → error on %s', (_label, body, field, message) => {
    const errors = errorsFor(body)
    expect(Object.keys(errors)).toContain(field)
    expect(errors[field].join(' ')).toMatch(message)
  })

  test('a body that is not an object is reported under root', () => {
    expect(errorsFor('hello')).toEqual({ root: ['the request body must be a JSON object'] })
  })
})

describe('SampleSizeRequestSchema', () => {
  const sampleErrors = (body: unknown) => errorsFor(body, SampleSizeRequestSchema as never)

  test('accepts a calculator form', () => {
    expect(SampleSizeRequestSchema.safeParse({ baselineRate: 0.05, relativeMde: 0.1, variants: 3, dailyVisitors: 500 }).success).toBe(true)
  })

  test.each([
    ['baselineRate 0', { baselineRate: 0, relativeMde: 0.1 }, 'baselineRate', /between 0 and 1/],
    ['baselineRate 1', { baselineRate: 1, relativeMde: 0.1 }, 'baselineRate', /between 0 and 1/],
    ['relativeMde 0', { baselineRate: 0.1, relativeMde: 0 }, 'relativeMde', /above 0/],
    ['relativeMde negative', { baselineRate: 0.1, relativeMde: -0.1 }, 'relativeMde', /above 0/],
    ['an improved rate at 100%', { baselineRate: 0.6, relativeMde: 1 }, 'relativeMde', /reach 100%/],
    ['power 1', { baselineRate: 0.1, relativeMde: 0.1, power: 1 }, 'power', /between 0.5 and 0.9999/],
    ['one variant', { baselineRate: 0.1, relativeMde: 0.1, variants: 1 }, 'variants', /at least 2/],
    ['baselineRate as text', { baselineRate: '5%', relativeMde: 0.1 }, 'baselineRate', /must be a number/],
    ['baselineRate 1e-300', { baselineRate: 1e-300, relativeMde: 0.1 }, 'baselineRate', /at least 0.000001/],
    ['alpha 1e-20', { baselineRate: 0.1, relativeMde: 0.1, alpha: 1e-20 }, 'alpha', /between 0.0001 and 0.5/],
    ['dailyVisitors below 1', { baselineRate: 0.1, relativeMde: 0.1, dailyVisitors: 0.5 }, 'dailyVisitors', /at least 1/],
    ['a lift below the rate’s last digit', { baselineRate: 0.05, relativeMde: 1e-17 }, 'relativeMde', /too small/],
    ['a lift needing more than a billion visitors', { baselineRate: 0.05, relativeMde: 1e-4 }, 'relativeMde', /more than 1,000,000,000 visitors/],
    ['sequential as a string', { baselineRate: 0.1, relativeMde: 0.1, sequential: 'yes' }, 'sequential', /true or false/],
  ])('%s → error on %s', (_label, body, field, message) => {
    const errors = sampleErrors(body)
    expect(Object.keys(errors)).toContain(field)
    expect(errors[field].join(' ')).toMatch(message)
  })
})
