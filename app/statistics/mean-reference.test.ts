// Every number of analyzeMean() and the fixed-horizon computeMeanSampleSize() against values computed independently
// from the per-visitor values with scipy and statsmodels by reference/make-mean-reference.py (regenerate with
// `/usr/bin/python3 app/statistics/reference/make-mean-reference.py`).

import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { analyzeMean, computeMeanSampleSize, type MeanAnalyzeInput, type MeanSampleSizeInput } from './mean'

type Reference = {
  cases: { name: string; input: MeanAnalyzeInput; expected: { variants: Record<string, unknown>[]; srm: { pValue: number | null } } }[]
  sampleSizes: { input: MeanSampleSizeInput; expected: Record<string, number> }[]
}

const reference: Reference = JSON.parse(readFileSync(new URL('./reference/mean-reference.json', import.meta.url), 'utf8'))

// As reference.test.ts. The largest deviation seen is 2.5e-8 relative, a per-variant interval's lower end where
// mean − half-width cancels: scipy 1.10's t quantile is off by 1.3e-9 at ν = 49 (scipy 1.17 agrees with ours).
const RELATIVE_TOLERANCE = 1e-6
const ABSOLUTE_TOLERANCE = 1e-12

function expectMatch(actual: unknown, expected: unknown, path: string): void {
  if (expected === null) {
    expect(actual ?? null, path).toBeNull()
  } else if (typeof expected === 'number') {
    expect(typeof actual, `${path} should be a number`).toBe('number')
    const difference = Math.abs((actual as number) - expected)
    const tolerance = ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(expected)
    if (!(difference <= tolerance)) throw new Error(`${path}: got ${actual}, reference ${expected} (|difference| ${difference} > ${tolerance})`)
  } else if (typeof expected === 'string') {
    expect(actual, path).toBe(expected)
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} should be an array`).toBe(true)
    expected.forEach((item, i) => expectMatch((actual as unknown[])[i], item, `${path}[${i}]`))
  } else if (typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected as object)) expectMatch((actual as Record<string, unknown>)[key], value, `${path}.${key}`)
  }
}

describe('analyzeMean matches the scipy/statsmodels reference', () => {
  test('the reference covers the skewed, edge and multi-arm cases', () => {
    expect(reference.cases.length).toBeGreaterThanOrEqual(20)
    expect(reference.cases.filter((c) => c.input.variants.length > 2).length).toBeGreaterThanOrEqual(3)
  })

  test.each(reference.cases.map((c) => [c.name, c] as const))('%s', (_name, { input, expected }) => {
    const analysis = analyzeMean(input)
    expectMatch(analysis.variants, expected.variants, 'variants')
    expectMatch(analysis.srm.pValue, expected.srm.pValue, 'srm.pValue')
    analysis.variants.forEach((variant, i) => expect(variant.vsControl === undefined, `${variant.key} vsControl presence`).toBe(expected.variants[i].vsControl === undefined))
  })
})

describe('computeMeanSampleSize (fixed horizon) matches the reference', () => {
  test.each(reference.sampleSizes.map((s) => [JSON.stringify(s.input), s] as const))('%s', (_name, { input, expected }) => {
    expect(computeMeanSampleSize(input)).toEqual(expected)
  })
})
