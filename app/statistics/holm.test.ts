import { describe, expect, test } from 'vitest'
import { adjustHolm } from './holm'

describe('Holm adjustment', () => {
  test('step-down multipliers, monotone, in input order', () => {
    // sorted: 0.005×4 = 0.02, 0.01×3 = 0.03, 0.03×2 = 0.06, 0.04×1 → max(0.06, 0.04) = 0.06
    const adjusted = adjustHolm([0.01, 0.04, 0.03, 0.005])
    ;[0.03, 0.06, 0.06, 0.02].forEach((expected, i) => expect(adjusted[i]).toBeCloseTo(expected, 15))
  })

  test('one comparison is left alone and nothing exceeds 1', () => {
    expect(adjustHolm([0.0123])).toEqual([0.0123])
    expect(adjustHolm([0.6, 0.7])).toEqual([1, 1])
  })

  test('a missing p-value counts as 1 in the family and stays null', () => {
    const adjusted = adjustHolm([0.01, null, 0.02])
    expect(adjusted[1]).toBeNull()
    expect(adjusted[0]).toBeCloseTo(0.03, 15)
    expect(adjusted[2]).toBeCloseTo(0.04, 15)
  })
})
