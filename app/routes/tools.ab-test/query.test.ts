import { expect, test } from 'vitest'
import { readCalculatorQuery } from './query'

test('an empty query shows two blank rows and analyses nothing', () => {
  const { rows, input } = readCalculatorQuery(new URLSearchParams())
  expect(rows.map((r) => r.name)).toEqual(['A', 'B'])
  expect(input).toBeNull()
})

test('rows are zipped by position; thousands separators are accepted', () => {
  const q = new URLSearchParams('name=Control&visitors=12,000&conversions=600&name=&visitors=12 100&conversions=700&method=fixed&confidence=0.99&daily=800')
  const { input, rows } = readCalculatorQuery(q)
  expect(rows[1]!.name).toBe('B')
  expect(input).toEqual({
    variants: [
      { key: 'Control', visitors: 12000, conversions: 600 },
      { key: 'B', visitors: 12100, conversions: 700 },
    ],
    confidence: 0.99,
    sequential: false,
    dailyVisitors: 800,
  })
})

test('"Add variant" asks for one more row, up to 20', () => {
  expect(readCalculatorQuery(new URLSearchParams('rows=3')).rows).toHaveLength(3)
  expect(readCalculatorQuery(new URLSearchParams('rows=99')).rows).toHaveLength(20)
})

test('non-numbers pass through for the schema to reject by name', () => {
  const { input } = readCalculatorQuery(new URLSearchParams('visitors=lots&conversions=5&visitors=10&conversions=1'))
  expect(input!.variants[0]!.visitors).toBe('lots')
})
