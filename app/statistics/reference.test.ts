// Every number of analyze() and computeSampleSize() against values computed independently in
// Python/scipy by reference/make-reference.py (regenerate with
// `/usr/bin/python3 app/statistics/reference/make-reference.py`).

import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { analyze, type AnalyzeInput } from './analyze'
import { computeSampleSize, type SampleSizeInput } from './sample-size'

type Reference = {
  twoArmCases: number
  multiArmCases: number
  cases: { name: string; input: AnalyzeInput; expected: { variants: Record<string, unknown>[]; srm: { pValue: number | null } } }[]
  sampleSizes: { input: SampleSizeInput; expected: Record<string, number> }[]
}

const reference: Reference = JSON.parse(readFileSync(new URL('./reference/reference.json', import.meta.url), 'utf8'))

const RELATIVE_TOLERANCE = 1e-6
const ABSOLUTE_TOLERANCE = 1e-12

// Walks the reference value and checks the same path in the actual one.
function expectMatch(actual: unknown, expected: unknown, path: string): void {
  if (expected === null) {
    expect(actual ?? null, path).toBeNull()
  } else if (typeof expected === 'number') {
    expect(typeof actual, `${path} should be a number`).toBe('number')
    const difference = Math.abs((actual as number) - expected)
    const tolerance = ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(expected)
    if (!(difference <= tolerance)) throw new Error(`${path}: got ${actual}, reference ${expected} (|difference| ${difference} > ${tolerance})`)
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} should be an array`).toBe(true)
    expected.forEach((item, i) => expectMatch((actual as unknown[])[i], item, `${path}[${i}]`))
  } else if (typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected as object)) {
      expectMatch((actual as Record<string, unknown>)[key], value, `${path}.${key}`)
    }
  }
}

describe('analyze matches the scipy reference', () => {
  test('the reference covers at least 30 two-arm cases and several multi-arm ones', () => {
    expect(reference.twoArmCases).toBeGreaterThanOrEqual(30)
    expect(reference.multiArmCases).toBeGreaterThanOrEqual(5)
  })

  test.each(reference.cases.map((c) => [c.name, c] as const))('%s', (_name, { input, expected }) => {
    const analysis = analyze(input)
    expectMatch(analysis.variants, expected.variants, 'variants')
    expectMatch(analysis.srm.pValue, expected.srm.pValue, 'srm.pValue')
    analysis.variants.forEach((variant, i) => {
      // exactPValue appears exactly when an expected cell count is below 5
      const expectedHasExact = 'exactPValue' in ((expected.variants[i].vsControl ?? {}) as object)
      expect(variant.vsControl !== undefined && 'exactPValue' in variant.vsControl, `${variant.key} exactPValue presence`).toBe(expectedHasExact)
      expect(variant.vsControl === undefined, `${variant.key} vsControl presence`).toBe(expected.variants[i].vsControl === undefined)
    })
    const total = analysis.variants.reduce((sum, v) => sum + (v.probabilityToBeBest ?? 0), 0)
    expect(Math.abs(total - 1)).toBeLessThan(1e-6)
  })
})

describe('computeSampleSize matches the scipy reference', () => {
  test.each(reference.sampleSizes.map((s) => [JSON.stringify(s.input), s] as const))('%s', (_name, { input, expected }) => {
    const result = computeSampleSize({ ...input, sequential: false }) // the reference is the classic fixed-horizon formula
    expect(result.visitorsPerVariant).toBe(expected.visitorsPerVariant)
    expect(result.totalVisitors).toBe(expected.totalVisitors)
    expect(result.days).toBe(expected.days)
  })
})
