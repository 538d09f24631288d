import { describe, expect, test } from 'vitest'
import { analyze, type AnalyzeInput, type Analysis } from './analyze'
import { computeProbabilityToBeat, computeProbabilityToBeatWithin, createPosterior, MAX_SERIES_TERMS } from './bayes'
import { adjustHolm } from './holm'
import type { AnalyzeRequest } from './schema'
import { createRandom } from './simulate'

// Every number anywhere in the response, with its path.
function collectNumbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => collectNumbers(child, `${path}.${key}`))
}

function expectOnlyFiniteNumbers(analysis: Analysis, input: AnalyzeInput): void {
  for (const [path, value] of collectNumbers(analysis)) {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value} for ${JSON.stringify(input)}`)
  }
  expect(analysis.decision.reason).not.toMatch(/NaN|Infinity|undefined/)
}

describe('analyze: edge cases', () => {
  test('zero visitors everywhere: nulls and collecting, no throw', () => {
    const input = {
      variants: [
        { key: 'A', visitors: 0, conversions: 0 },
        { key: 'B', visitors: 0, conversions: 0 },
      ],
    }
    const analysis = analyze(input)
    expectOnlyFiniteNumbers(analysis, input)
    expect(analysis.variants[0]).toMatchObject({ rate: null, ci: null })
    expect(analysis.variants[1].vsControl).toMatchObject({
      absoluteLift: null,
      absoluteLiftCi: null,
      relativeLift: null,
      relativeLiftCi: null,
      pValue: null,
      pValueAdjusted: null,
      sequentialPValue: null,
      sequentialPValueAdjusted: null,
      sequentialRelativeLiftCi: null,
      significant: false,
    })
    expect(analysis.srm).toEqual({ pValue: null, detected: false })
    expect(analysis.decision).toMatchObject({ status: 'collecting', variant: null })
  })

  test('vsControl is absent on the control, wherever the control is', () => {
    const analysis = analyze({
      variants: [
        { key: 'A', visitors: 100, conversions: 10 },
        { key: 'B', visitors: 100, conversions: 12 },
      ],
      control: 'B',
    })
    expect(analysis.variants[1].vsControl).toBeUndefined()
    expect(analysis.variants[0].vsControl?.absoluteLift).toBeCloseTo(-0.02, 15)
  })

  test('a control with no conversions: relative lift is null, its interval uses the 0.5 correction', () => {
    const analysis = analyze({
      variants: [
        { key: 'A', visitors: 500, conversions: 0 },
        { key: 'B', visitors: 500, conversions: 9 },
      ],
    })
    const vs = analysis.variants[1].vsControl!
    expect(vs.relativeLift).toBeNull()
    expect(vs.relativeLiftCi![0]).toBeGreaterThan(0)
    expect(vs.exactPValue).toBeCloseTo(0.003766961759530913, 13) // scipy.stats.fisher_exact([[9, 491], [0, 500]])
    expect(vs.note).toMatch(/Fisher/)
  })

  test('Holm across treatments; one treatment is left unadjusted', () => {
    const analysis = analyze({
      variants: [
        { key: 'A', visitors: 5000, conversions: 500 },
        { key: 'B', visitors: 5000, conversions: 560 },
        { key: 'C', visitors: 5000, conversions: 540 },
        { key: 'D', visitors: 5000, conversions: 470 },
      ],
    })
    const treatments = analysis.variants.slice(1).map((v) => v.vsControl!)
    expect(treatments.map((t) => t.pValueAdjusted)).toEqual(adjustHolm(treatments.map((t) => t.pValue)))
    expect(treatments.map((t) => t.sequentialPValueAdjusted)).toEqual(adjustHolm(treatments.map((t) => t.sequentialPValue)))
    const single = analyze({
      variants: [
        { key: 'A', visitors: 5000, conversions: 500 },
        { key: 'B', visitors: 5000, conversions: 560 },
      ],
    })
    expect(single.variants[1].vsControl!.pValueAdjusted).toBe(single.variants[1].vsControl!.pValue)
  })

  test('significant follows the sequential p-value by default and the fixed one when asked', () => {
    // fixed p ≈ 0.035, sequential p ≈ 0.51: significant only without sequential inference
    const variants = [
      { key: 'A', visitors: 5000, conversions: 500 },
      { key: 'B', visitors: 5000, conversions: 565 },
    ]
    const sequential = analyze({ variants }).variants[1].vsControl!
    const fixed = analyze({ variants, sequential: false }).variants[1].vsControl!
    expect(sequential.pValueAdjusted).toBeLessThan(0.05)
    expect(sequential.sequentialPValueAdjusted).toBeGreaterThan(0.05)
    expect(sequential.significant).toBe(false)
    expect(fixed.significant).toBe(true)
  })

  test('the API request type is accepted by analyze', () => {
    const request: AnalyzeRequest = {
      variants: [
        { key: 'A', visitors: 10, conversions: 1 },
        { key: 'B', visitors: 10, conversions: 2 },
      ],
    }
    const input: AnalyzeInput = request
    expect(analyze(input).variants).toHaveLength(2)
  })

  test('invalid counts are a programming error, not a NaN', () => {
    expect(() =>
      analyze({
        variants: [
          { key: 'A', visitors: 10, conversions: 11 },
          { key: 'B', visitors: 10, conversions: 1 },
        ],
      }),
    ).toThrow(RangeError)
  })
})

describe('analyze: fuzz', () => {
  // Counts chosen to hit the edges: 0 visitors, 0 conversions, everyone converted, huge counts.
  function drawCounts(random: () => number): { visitors: number; conversions: number } {
    const visitors = [0, 1, 2, 3, 10, 100, 1000, 123_457, 1_000_000, 10_000_000][Math.floor(random() * 10)]
    const mode = random()
    const conversions = mode < 0.2 ? 0 : mode < 0.4 ? visitors : Math.floor(visitors * random() * random())
    return { visitors, conversions }
  }

  test('1,500 random requests never produce NaN or Infinity', () => {
    const random = createRandom(2024)
    for (let run = 0; run < 1500; run++) {
      const count = random() < 0.05 ? 20 : 2 + Math.floor(random() * 4)
      const variants = Array.from({ length: count }, (_, i) => ({ key: `V${i}`, ...drawCounts(random) }))
      const raw = variants.map(() => 0.2 + random())
      const input: AnalyzeInput = {
        variants,
        control: random() < 0.3 ? `V${Math.floor(random() * count)}` : undefined,
        confidence: random() < 0.5 ? undefined : 0.5001 + random() * 0.4997,
        weights: random() < 0.3 ? raw.map((w) => w / raw.reduce((s, x) => s + x, 0)) : undefined,
        sequential: random() < 0.7,
        plannedVisitorsPerVariant: random() < 0.5 ? undefined : [100, 5000, 1e9][Math.floor(random() * 3)],
        dailyVisitors: random() < 0.5 ? undefined : 1 + random() * 10_000,
      }
      const analysis = analyze(input)
      expectOnlyFiniteNumbers(analysis, input)
      // Among the variants with visitors (the others have none), when at least two have some.
      const total = analysis.variants.reduce((s, v) => s + (v.probabilityToBeBest ?? 0), 0)
      const withData = variants.filter((v) => v.visitors > 0).length
      expect(Math.abs(total - (withData >= 2 ? 1 : 0))).toBeLessThan(1e-6)
    }
  })
})

describe('analyze: huge counts (the work bound of docs/decisions/004-statistics-work-bound.md)', () => {
  const arms = (count: number, arm: (i: number) => { visitors: number; conversions: number }) => Array.from({ length: count }, (_, i) => ({ key: `V${i}`, ...arm(i) }))

  test('20 variants × 10^12 visitors near 50%: finite, ordered, P(best) sums to 1, P(beat) within 1e-10 of the exact series', () => {
    // Arms 0.14 standard deviations (of a difference) apart, ascending: P(beat) and P(best) ascend with them.
    const input = { variants: arms(20, (i) => ({ visitors: 1e12, conversions: 5e11 + 100_000 * i })) }
    const analysis = analyze(input)
    expectOnlyFiniteNumbers(analysis, input)
    const beat = analysis.variants.slice(1).map((v) => v.vsControl!.probabilityToBeatControl!)
    for (let i = 1; i < beat.length; i++) expect(beat[i]).toBeGreaterThan(beat[i - 1])
    expect(Math.abs(analysis.variants.reduce((sum, v) => sum + v.probabilityToBeBest!, 0) - 1)).toBeLessThan(1e-9)
    const losses = analysis.variants.map((v) => v.expectedLoss!)
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1])
    expect(losses[19]).toBeGreaterThan(0)
    for (const i of [1, 2]) {
      const exact = computeProbabilityToBeat(createPosterior(input.variants[i]), createPosterior(input.variants[0]))
      expect(Math.abs(beat[i - 1] - exact)).toBeLessThan(1e-10)
    }
  })

  test('two variants past the switch point: P(best) is P(beat), within 1e-10 of the exact series', () => {
    const variants = [
      { key: 'A', visitors: 4e10, conversions: 2e10 },
      { key: 'B', visitors: 4e10, conversions: 2e10 + 150_000 },
    ]
    const [control, treatment] = variants.map(createPosterior)
    expect(computeProbabilityToBeatWithin(treatment, control, MAX_SERIES_TERMS)).toBeNull()
    const analysis = analyze({ variants })
    const beat = analysis.variants[1].vsControl!.probabilityToBeatControl!
    expect(analysis.variants[1].probabilityToBeBest).toBe(beat)
    expect(analysis.variants[0].probabilityToBeBest).toBe(1 - beat)
    expect(Math.abs(beat - computeProbabilityToBeat(treatment, control))).toBeLessThan(1e-10)
  })

  test('below the switch point P(beat) is still the exact series, bit for bit', () => {
    const variants = arms(5, (i) => ({ visitors: 1_000_000, conversions: 100_000 + 300 * i }))
    const analysis = analyze({ variants })
    for (let i = 1; i < 5; i++) {
      expect(analysis.variants[i].vsControl!.probabilityToBeatControl).toBe(computeProbabilityToBeat(createPosterior(variants[i]), createPosterior(variants[0])))
    }
  })

  test.each([
    ['nobody converted', () => 0],
    ['everybody converted', () => 1e12],
    ['rates 0 and 100% alternating', (i: number) => (i % 2 === 0 ? 0 : 1e12)],
    ['rates near 0', (i: number) => 1000 + 10 * i],
    ['rates near 1', (i: number) => 1e12 - 1000 - 10 * i],
  ])('20 × 10^12 visitors, %s: finite numbers, P(best) sums to 1', (_name, conversions) => {
    const input = { variants: arms(20, (i) => ({ visitors: 1e12, conversions: conversions(i) })) }
    const analysis = analyze(input)
    expectOnlyFiniteNumbers(analysis, input)
    expect(Math.abs(analysis.variants.reduce((sum, v) => sum + v.probabilityToBeBest!, 0) - 1)).toBeLessThan(1e-9)
    for (const v of analysis.variants) expect(v.expectedLoss!).toBeGreaterThanOrEqual(0)
  })

  test('Fisher far in the tail among 10^12 visitors: p = 0 and the note, not a stall', () => {
    const input = { variants: [{ key: 'A', visitors: 1e12 - 2e6, conversions: 0 }, ...arms(3, () => ({ visitors: 2e6, conversions: 2e6 }))] }
    const analysis = analyze(input)
    expectOnlyFiniteNumbers(analysis, input)
    expect(analysis.variants[1].vsControl).toMatchObject({ exactPValue: 0, probabilityToBeatControl: 1 })
  })
})
