import { describe, expect, test } from 'vitest'
import { analyze } from '#app/statistics/analyze'
import { createRandom, sampleBinomial } from '#app/statistics/simulate'
import { checkQualityGuardrail, collectGuardrailCounts, describeGuardrail, type GuardrailCounts } from './guardrail'

const settings = { controlKey: 'A', confidence: 0.95, plannedVisitorsPerVariant: null }
const arm = (key: string, visitors: number, hardConversions: number, sqlLeads: number): GuardrailCounts => ({ key, visitors, hardConversions, sqlLeads })

describe('checkQualityGuardrail', () => {
  test('blocks a variant whose SQL rate is significantly lower, with the counts, rates and p-value of analyze()', () => {
    const verdict = checkQualityGuardrail(settings, 'B', [arm('A', 5000, 100, 150), arm('B', 5000, 105, 60)])
    expect(verdict).toMatchObject({ verdict: 'blocked', variantKey: 'B', control: 'A', confidence: 0.95 })
    const [hard, sql] = verdict.checks
    expect(hard).toMatchObject({ check: 'hard_rate', isWorse: false, control: { count: 100, rate: 0.02 }, variant: { count: 105, rate: 0.021 } })
    expect(sql).toMatchObject({ check: 'sql_rate', isWorse: true, control: { visitors: 5000, count: 150, rate: 0.03 }, variant: { visitors: 5000, count: 60, rate: 0.012 } })
    const reference = analyze({
      variants: [
        { key: 'A', visitors: 5000, conversions: 150 },
        { key: 'B', visitors: 5000, conversions: 60 },
      ],
    }).variants[1]!.vsControl!
    expect(sql!.sequentialPValue).toBe(reference.sequentialPValue)
    expect(sql!.sequentialPValue).toBeLessThan(0.05)
    expect(sql!.relativeLift).toBeCloseTo(-0.6, 12)
    expect(describeGuardrail(verdict)).toBe('B’s leads are significantly worse than A’s: SQL rate 1.2% against 3% for A (p < 0.0001).')
  })

  test('a lower rate that is not significant, and a significantly higher one, pass', () => {
    const verdict = checkQualityGuardrail(settings, 'B', [arm('A', 5000, 100, 40), arm('B', 5000, 160, 34)])
    expect(verdict.verdict).toBe('passed')
    expect(verdict.checks.map((c) => c.isWorse)).toEqual([false, false])
    expect(verdict.checks[0]!.sequentialPValue).toBeLessThan(0.05)
    expect(verdict.checks[1]!.sequentialPValue).toBeGreaterThan(0.05)
    expect(describeGuardrail(verdict)).toMatch(
      /^Quality guardrail passed: B’s hard-conversion rate 3\.2% against 2% for A \(p = .+\); SQL rate 0\.68% against 0\.8% for A \(p = .+\); not significantly worse\.$/,
    )
  })

  test('the hard rate alone blocks too; the confidence sets the bar', () => {
    const counts = [arm('A', 4000, 125, 0), arm('B', 4000, 80, 0)]
    const strict = checkQualityGuardrail(settings, 'B', counts)
    const p = strict.checks[0]!.sequentialPValue!
    expect(p).toBeGreaterThan(0.01)
    expect(p).toBeLessThan(0.05)
    expect(strict.verdict).toBe('blocked')
    expect(checkQualityGuardrail({ ...settings, confidence: 0.99 }, 'B', counts).verdict).toBe('passed')
  })

  test('nothing to compare passes: the control itself, an arm without visitors, no leads yet', () => {
    expect(checkQualityGuardrail(settings, 'A', [arm('A', 100, 1, 1), arm('B', 100, 9, 9)])).toMatchObject({ verdict: 'passed', checks: [] })
    const empty = checkQualityGuardrail(settings, 'B', [arm('A', 0, 0, 0), arm('B', 100, 0, 0)])
    expect(empty.verdict).toBe('passed')
    expect(empty.checks.map((c) => [c.sequentialPValue, c.control.rate])).toEqual([
      [null, null],
      [null, null],
    ])
    expect(describeGuardrail(empty)).toContain('no data to compare')
    // Counts are capped at visitors, like every rollup count.
    expect(checkQualityGuardrail(settings, 'B', [arm('A', 10, 12, 11), arm('B', 10, 0, 0)]).checks[1]!.control).toEqual({ key: 'A', visitors: 10, count: 10, rate: 1 })
  })

  test('collectGuardrailCounts: visitors and hard from the totals, SQL from the lead stages', () => {
    const totals: Record<string, number> = { 'A|': 10, 'A|hard': 2, 'B|': 12, 'B|hard': 3 }
    expect(collectGuardrailCounts(['A', 'B'], (k, m) => totals[`${k}|${m}`] ?? 0, [{ variantKey: 'B', sql: 4 }])).toEqual([
      { key: 'A', visitors: 10, hardConversions: 2, sqlLeads: 0 },
      { key: 'B', visitors: 12, hardConversions: 3, sqlLeads: 4 },
    ])
  })

  // Auto-ship checks every minute: with the always-valid p-value, equal rates are blocked rarely however often it
  // looks. 200 simulated A/A experiments, 10 looks each, both checks at 2 % and 1 %: a block at any look counts.
  // (Measured with this seed: 1 % blocked; the fixed-horizon p-value would block 17 %. analyze() costs about 1 ms, hence not more runs.)
  test('repeated looks on equal rates: false blocks stay under 2.5 % (one side of a 5 % test)', { timeout: 60_000 }, () => {
    const random = createRandom(1616)
    let blocked = 0
    for (let run = 0; run < 200; run++) {
      const totals = { A: { visitors: 0, hard: 0, sql: 0 }, B: { visitors: 0, hard: 0, sql: 0 } }
      for (let look = 0; look < 10; look++) {
        for (const t of Object.values(totals)) {
          t.visitors += 1000
          t.hard += sampleBinomial(random, 1000, 0.02)
          t.sql += sampleBinomial(random, 1000, 0.01)
        }
        const v = checkQualityGuardrail(settings, 'B', [arm('A', totals.A.visitors, totals.A.hard, totals.A.sql), arm('B', totals.B.visitors, totals.B.hard, totals.B.sql)])
        if (v.verdict === 'blocked') {
          blocked++
          break
        }
      }
    }
    expect(blocked / 200).toBeLessThanOrEqual(0.025)
  })
})
