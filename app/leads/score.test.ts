import { expect, test } from 'vitest'
import { computeLeadScore, DEFAULT_SCORE_RULES, ScoreRulesSchema, shouldAutoQualify } from './score'

const fresh = { hardConversions: 0, softConversions: 0, pagesViewed: 0, daysSinceLastActivity: 0 }

test('points add up: hard 30, soft 10, page views 1 each up to 20', () => {
  expect(computeLeadScore(fresh)).toBe(0)
  expect(computeLeadScore({ ...fresh, hardConversions: 1 })).toBe(30)
  expect(computeLeadScore({ ...fresh, softConversions: 2, pagesViewed: 7 })).toBe(27)
  expect(computeLeadScore({ ...fresh, hardConversions: 1, softConversions: 1, pagesViewed: 500 })).toBe(60)
})

test('the score halves every half-life and is rounded', () => {
  const lead = { ...fresh, hardConversions: 2, pagesViewed: 20 } // 80 points
  expect(computeLeadScore({ ...lead, daysSinceLastActivity: 30 })).toBe(40)
  expect(computeLeadScore({ ...lead, daysSinceLastActivity: 60 })).toBe(20)
  expect(computeLeadScore({ ...lead, daysSinceLastActivity: 15 })).toBe(Math.round(80 / Math.SQRT2)) // 57
  expect(computeLeadScore({ ...lead, daysSinceLastActivity: 10_000 })).toBe(0)
  expect(computeLeadScore({ ...lead, daysSinceLastActivity: 30 }, { ...DEFAULT_SCORE_RULES, halfLifeDays: 7 })).toBe(4)
})

test('bad input never produces NaN or negative scores', () => {
  expect(computeLeadScore({ hardConversions: -3, softConversions: Number.NaN, pagesViewed: Infinity, daysSinceLastActivity: 0 })).toBe(0)
  expect(computeLeadScore({ ...fresh, hardConversions: 1, daysSinceLastActivity: -5 })).toBe(30)
  expect(computeLeadScore({ ...fresh, hardConversions: 1, daysSinceLastActivity: Number.NaN })).toBe(0)
})

test('rules have sane bounds', () => {
  expect(ScoreRulesSchema.parse(DEFAULT_SCORE_RULES)).toEqual(DEFAULT_SCORE_RULES)
  expect(ScoreRulesSchema.safeParse({ ...DEFAULT_SCORE_RULES, mqlThreshold: null }).success).toBe(true)
  for (const bad of [{ pointsPerHard: -1 }, { pointsPerSoft: 1.5 }, { pointsPerPageView: 101 }, { halfLifeDays: 0 }, { mqlThreshold: 0 }, { mqlThreshold: '50' }])
    expect(ScoreRulesSchema.safeParse({ ...DEFAULT_SCORE_RULES, ...bad }).success, JSON.stringify(bad)).toBe(false)
})

test('auto-qualifies only a plain lead at or above the threshold', () => {
  expect(shouldAutoQualify(50, DEFAULT_SCORE_RULES, 'lead')).toBe(true)
  expect(shouldAutoQualify(49, DEFAULT_SCORE_RULES, 'lead')).toBe(false)
  expect(shouldAutoQualify(90, DEFAULT_SCORE_RULES, 'sql')).toBe(false)
  expect(shouldAutoQualify(90, DEFAULT_SCORE_RULES, 'lost')).toBe(false)
  expect(shouldAutoQualify(999, { ...DEFAULT_SCORE_RULES, mqlThreshold: null }, 'lead')).toBe(false)
})
