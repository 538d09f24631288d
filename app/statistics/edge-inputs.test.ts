// Issue 16, "numbers nobody should see": at 0 %, 100 %, 0 visitors and the schema's maximum counts,
// analyze() returns no NaN, Infinity, null count, probability outside [0, 1] or zero-width interval.
// JSON.stringify turns NaN and Infinity into null, so the checks read the objects themselves.

import { describe, expect, test } from 'vitest'
import { analyze, type Analysis, type AnalyzeInput, type VariantCounts } from './analyze'
import { MAX_VARIANTS } from './schema'
import { createRandom } from './simulate'

/** The schema's largest count (schema.ts, MAX_COUNT). */
const SCHEMA_MAX_COUNT = 1e12

type Interval = [number, number] | null

// Every rule a response must keep, with the offending path in the message.
function expectCleanAnalysis(analysis: Analysis, input: AnalyzeInput): void {
  const where = (field: string) => `${field} for ${JSON.stringify(input)}`
  const withData = input.variants.filter((v) => v.visitors > 0).length
  let totalBest = 0
  analysis.variants.forEach((v, i) => {
    const own = input.variants[i]
    expect(v.visitors, where(`${v.key}.visitors`)).toBe(own.visitors)
    expect(v.conversions, where(`${v.key}.conversions`)).toBe(own.conversions)
    expectProbability(v.rate, where(`${v.key}.rate`))
    expectInterval(v.ci, where(`${v.key}.ci`), [0, 1])
    if (own.visitors === 0 || withData < 2) {
      // No visitors: no probabilities from the prior alone (and nothing to compare with one arm).
      expect(v.probabilityToBeBest, where(`${v.key}.probabilityToBeBest`)).toBeNull()
      expect(v.expectedLoss, where(`${v.key}.expectedLoss`)).toBeNull()
    } else {
      expectProbability(v.probabilityToBeBest, where(`${v.key}.probabilityToBeBest`))
      expectProbability(v.expectedLoss, where(`${v.key}.expectedLoss`))
      totalBest += v.probabilityToBeBest!
    }
    const c = v.vsControl
    if (!c) return
    for (const field of ['absoluteLift', 'relativeLift', 'pValue', 'pValueAdjusted', 'sequentialPValue', 'sequentialPValueAdjusted', 'exactPValue'] as const) {
      const value = c[field]
      if (value !== null && value !== undefined) expect(Number.isFinite(value), where(`${v.key}.vsControl.${field} = ${value}`)).toBe(true)
    }
    for (const field of ['pValue', 'pValueAdjusted', 'sequentialPValue', 'sequentialPValueAdjusted', 'exactPValue', 'probabilityToBeatControl'] as const) {
      expectProbability(c[field] ?? null, where(`${v.key}.vsControl.${field}`))
    }
    expectInterval(c.absoluteLiftCi, where(`${v.key}.absoluteLiftCi`), [-1, 1])
    expectInterval(c.relativeLiftCi, where(`${v.key}.relativeLiftCi`), [-1, Infinity])
    expectInterval(c.sequentialRelativeLiftCi, where(`${v.key}.sequentialRelativeLiftCi`), [-1, Infinity])
  })
  if (withData >= 2) expect(Math.abs(totalBest - 1), where('the sum of probabilityToBeBest')).toBeLessThan(1e-9)
  // What the API sends: the same object after a JSON round trip (NaN and Infinity would come back as null).
  expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis)
  expect(analysis.decision.reason).not.toMatch(/NaN|Infinity|undefined|null/)
}

function expectProbability(value: number | null, message: string): void {
  if (value === null) return
  expect(Number.isFinite(value), `${message} = ${value}`).toBe(true)
  expect(value >= 0 && value <= 1, `${message} = ${value} is outside [0, 1]`).toBe(true)
}

// Finite, within its range, and of positive width: [0, 0] would read "every effect is exactly nothing".
function expectInterval(interval: Interval, message: string, [min, max]: [number, number]): void {
  if (interval === null) return
  const [low, high] = interval
  expect(Number.isFinite(low) && Number.isFinite(high), `${message} = [${low}, ${high}]`).toBe(true)
  expect(low >= min && high <= max, `${message} = [${low}, ${high}] is outside [${min}, ${max}]`).toBe(true)
  expect(low < high, `${message} = [${low}, ${high}] has no width`).toBe(true)
}

describe('analyze at the edges', () => {
  test('two arms both at 100% get an interval around 0, not [0, 0], as two arms at 0% do', () => {
    for (const all of [true, false]) {
      const arm = (key: string, visitors: number) => ({ key, visitors, conversions: all ? visitors : 0 })
      const input = { variants: [arm('A', 50), arm('B', 60)] }
      const analysis = analyze(input)
      expectCleanAnalysis(analysis, input)
      for (const ci of [analysis.variants[1].vsControl!.relativeLiftCi!, analysis.variants[1].vsControl!.sequentialRelativeLiftCi!]) {
        expect(ci[0]).toBeLessThan(0)
        expect(ci[1]).toBeGreaterThan(0)
      }
    }
  })

  test('the 100% correction is Haldane–Anscombe on the complement: x + ½ of n + 1', () => {
    // 60/60 vs 50/50: ln RR = ln(60.5/61) − ln(50.5/51), SE = √(1/60.5 − 1/61 + 1/50.5 − 1/51), z = 1.959963984540054
    const z = 1.959963984540054
    const logRatio = Math.log(60.5 / 61) - Math.log(50.5 / 51)
    const se = Math.sqrt(1 / 60.5 - 1 / 61 + 1 / 50.5 - 1 / 51)
    const analysis = analyze({
      variants: [
        { key: 'A', visitors: 50, conversions: 50 },
        { key: 'B', visitors: 60, conversions: 60 },
      ],
      sequential: false,
    })
    const [low, high] = analysis.variants[1].vsControl!.relativeLiftCi!
    expect(low).toBeCloseTo(Math.expm1(logRatio - z * se), 14)
    expect(high).toBeCloseTo(Math.expm1(logRatio + z * se), 14)
  })

  test('an arm without visitors has no probabilities; the others are compared among themselves', () => {
    const a = { key: 'A', visitors: 1000, conversions: 100 }
    const b = { key: 'B', visitors: 1000, conversions: 120 }
    const three = analyze({ variants: [a, b, { key: 'C', visitors: 0, conversions: 0 }] })
    const two = analyze({ variants: [a, b] })
    expect(three.variants[2]).toMatchObject({ probabilityToBeBest: null, expectedLoss: null, vsControl: { probabilityToBeatControl: null } })
    // Before: C showed P(best) 0.879 from the prior alone, and A and B shared the rest.
    for (const i of [0, 1]) {
      expect(three.variants[i].probabilityToBeBest).toBe(two.variants[i].probabilityToBeBest)
      expect(three.variants[i].expectedLoss).toBeCloseTo(two.variants[i].expectedLoss!, 12)
    }
  })

  test('with one arm with data there is nothing to compare: every probability is null', () => {
    const input = {
      variants: [
        { key: 'A', visitors: 50, conversions: 5 },
        { key: 'B', visitors: 0, conversions: 0 },
      ],
    }
    const analysis = analyze(input)
    expectCleanAnalysis(analysis, input)
    // Before: B had P(best) 0.885 and P(beat A) 0.885 without a single visitor.
    expect(analysis.variants.map((v) => v.probabilityToBeBest)).toEqual([null, null])
    expect(analysis.variants[1].vsControl!.probabilityToBeatControl).toBeNull()
  })

  test('a control without visitors: no P(beat control), P(best) among the treatments', () => {
    const input = {
      variants: [
        { key: 'A', visitors: 0, conversions: 0 },
        { key: 'B', visitors: 400, conversions: 40 },
        { key: 'C', visitors: 400, conversions: 60 },
      ],
    }
    const analysis = analyze(input)
    expectCleanAnalysis(analysis, input)
    expect(analysis.variants[1].vsControl!.probabilityToBeatControl).toBeNull()
    expect(analysis.variants[2].probabilityToBeBest).toBeGreaterThan(0.9)
  })

  test('P(best) never exceeds 1: 1,000 random analyses of 2–5 variants', () => {
    // Seed 7 gave 139 values above 1 (1.0000000000000002–4) in 2,000 runs before the quadrature's P(best) was normalised.
    const random = createRandom(7)
    for (let run = 0; run < 1000; run++) {
      const count = 2 + Math.floor(random() * 4)
      const variants = Array.from({ length: count }, (_, i) => {
        const visitors = Math.floor(random() * 10 ** (1 + random() * 6))
        return { key: `V${i}`, visitors, conversions: Math.floor(visitors * random()) }
      })
      for (const v of analyze({ variants }).variants) {
        expect(v.probabilityToBeBest === null || (v.probabilityToBeBest >= 0 && v.probabilityToBeBest <= 1), JSON.stringify(variants)).toBe(true)
        const beat = v.vsControl?.probabilityToBeatControl ?? null
        expect(beat === null || (beat >= 0 && beat <= 1), JSON.stringify(variants)).toBe(true)
      }
    }
  })

  // Property-style: each arm is drawn from the edges (0 visitors, 0 %, 100 %, one visitor, the schema's
  // maximum) or from ordinary counts, 2 to 20 arms, with random settings; every response stays clean.
  test('400 random analyses built from the edges stay clean', () => {
    const random = createRandom(16)
    const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]
    const drawArm = (key: string): VariantCounts => {
      const visitors = pick([0, 1, 2, 7, 100, 1000, 123_457, 1e6, SCHEMA_MAX_COUNT - 1, SCHEMA_MAX_COUNT])
      const conversions = pick([0, visitors, visitors, Math.floor(visitors * random()), Math.max(0, visitors - 1), Math.min(visitors, 1)])
      return { key, visitors, conversions }
    }
    for (let run = 0; run < 400; run++) {
      const count = random() < 0.1 ? MAX_VARIANTS : 2 + Math.floor(random() * 4)
      const input: AnalyzeInput = {
        variants: Array.from({ length: count }, (_, i) => drawArm(`V${i}`)),
        confidence: random() < 0.5 ? undefined : pick([0.5001, 0.9, 0.99, 0.9998]),
        sequential: random() < 0.7,
        plannedVisitorsPerVariant: random() < 0.5 ? undefined : pick([100, 5000, 1e9]),
        dailyVisitors: random() < 0.5 ? undefined : pick([1e-3, 1, 1000, SCHEMA_MAX_COUNT]),
      }
      expectCleanAnalysis(analyze(input), input)
    }
  })

  test.each([
    ['everyone converted', (n: number) => n],
    ['nobody converted', () => 0],
    ['100% against 0%', (n: number, i: number) => (i % 2 === 0 ? n : 0)],
  ])('20 arms at the schema maximum, %s: clean', (_name, conversions) => {
    const input = { variants: Array.from({ length: MAX_VARIANTS }, (_, i) => ({ key: `V${i}`, visitors: SCHEMA_MAX_COUNT, conversions: conversions(SCHEMA_MAX_COUNT, i) })) }
    expectCleanAnalysis(analyze(input), input)
  })
})
