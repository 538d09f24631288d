import { describe, expect, test } from 'vitest'
import type { Decision } from '#app/statistics/analyze'
import type { MeanArm } from '#app/statistics/mean'
import { findPipelineLeader, resolveWinnerConflict, type WinnerConflictInput } from './winner-conflict'

// The rule: the primary metric ships; the sentence says how sure the pipeline difference between the conversion
// winner and the pipeline leader is. Arms are per-visitor deal values: visitors, their sum and sum of squares.

const arm = (key: string, visitors: number, deals: number, value: number): MeanArm => ({ key, visitors, total: deals * value, sumOfSquares: deals * value * value })
const winner = (variant: string): Decision => ({ status: 'winner', variant, reason: `${variant} wins` })
const collecting: Decision = { status: 'collecting', variant: null, reason: 'Keep collecting' }

// A: 500 deals of 1,000 among 5,000 visitors (100 per visitor); B: 100 deals (20 per visitor). Clear.
const CLEAR = [arm('A', 5000, 500, 1000), arm('B', 5000, 100, 1000)]
// A: 2 deals of 5,000 among 1,000 visitors (10 per visitor); B: 1 deal (5 per visitor). Noise.
const NOISY = [arm('A', 1000, 2, 5000), arm('B', 1000, 1, 5000)]

const input = (over: Partial<WinnerConflictInput>): WinnerConflictInput => ({
  conversion: winner('B'),
  conversionLabel: 'Any conversion',
  pipelineArms: CLEAR,
  pipelineDecision: collecting,
  primaryIsPipeline: false,
  confidence: 0.95,
  ...over,
})

describe('findPipelineLeader', () => {
  test('the most pipeline per visitor; ties to the earlier; none without any pipeline', () => {
    expect(findPipelineLeader(CLEAR)?.key).toBe('A')
    expect(findPipelineLeader([arm('A', 100, 1, 10), arm('B', 100, 1, 10)])?.key).toBe('A')
    expect(findPipelineLeader([arm('A', 100, 0, 10), arm('B', 0, 0, 10)])).toBeNull()
  })
})

describe('resolveWinnerConflict', () => {
  test('no conflict without a conversion winner, when the winner also leads on pipeline, or without pipeline', () => {
    expect(resolveWinnerConflict(input({ conversion: collecting }))).toBeNull()
    expect(resolveWinnerConflict(input({ conversion: winner('A') }))).toBeNull()
    expect(resolveWinnerConflict(input({ pipelineArms: [arm('A', 5000, 0, 1), arm('B', 5000, 0, 1)] }))).toBeNull()
    // B as good as A on pipeline: the winner leads too (ties are no conflict).
    expect(resolveWinnerConflict(input({ pipelineArms: [arm('A', 100, 1, 10), arm('B', 100, 1, 10)] }))).toBeNull()
  })

  test('the primary metric ships the conversion winner; a clear pipeline difference is called clear', () => {
    const c = resolveWinnerConflict(input({}))!
    expect(c).toMatchObject({ conversionWinner: 'B', pipelineLeader: 'A', ships: 'B' })
    // A against B directly: 100 against 20 per visitor, +400 %.
    expect(c.comparison).toMatchObject({ variant: 'A', baseline: 'B', significant: true })
    expect(c.comparison!.relativeLift).toBeCloseTo(4, 12)
    expect(c.comparison!.pValue).toBeLessThan(0.05)
    expect(c.comparison!.relativeLiftCi![0]).toBeGreaterThan(0)
    expect(c.text).toContain('B wins on any conversion, but A brings more pipeline per visitor (100 against 20).')
    expect(c.text).toContain('The primary metric is any conversion, so it ships B')
    expect(c.text).toContain('The pipeline difference is clear: A brings +400% pipeline per visitor against B')
  })

  test('a noisy pipeline difference is said to be unclear, with its interval', () => {
    const c = resolveWinnerConflict(input({ pipelineArms: NOISY }))!
    expect(c.comparison).toMatchObject({ variant: 'A', baseline: 'B', significant: false })
    expect(c.comparison!.relativeLift).toBeCloseTo(1, 12)
    expect(c.text).toContain('The pipeline difference is not clear yet: A brings +100% pipeline per visitor against B')
    expect(c.text).toContain('which may be noise')
  })

  test('with pipeline as the primary metric, it ships its own winner, or nothing yet', () => {
    const none = resolveWinnerConflict(input({ primaryIsPipeline: true }))!
    expect(none.ships).toBeNull()
    expect(none.text).toContain('which has no winner yet: ship nothing on conversions alone')
    const a = resolveWinnerConflict(input({ primaryIsPipeline: true, pipelineDecision: winner('A') }))!
    expect(a.ships).toBe('A')
    expect(a.text).toContain('The primary metric is pipeline per visitor, so it ships A.')
  })

  test('a winner with no pipeline at all: the lift against it is undefined, and said so', () => {
    const c = resolveWinnerConflict(input({ pipelineArms: [arm('A', 1000, 3, 100), arm('B', 1000, 0, 100)] }))!
    expect(c.comparison?.relativeLift ?? null).toBeNull()
    expect(c.text).toContain('cannot be said yet: B has no pipeline to compare with')
    expect(c.text).not.toMatch(/NaN|Infinity/)
  })
})
