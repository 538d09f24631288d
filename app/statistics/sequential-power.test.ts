import { describe, expect, test } from 'vitest'
import { normalQuantile, normalSurvival } from './normal'
import { computeRho, computeSequentialMultiplier } from './sequential'
import { computeLookBoundaries, computeSequentialPower, PLANNED_LOOKS, solveSequentialDrift } from './sequential-power'
import { createRandom } from './simulate'

const settings = { alpha: 0.05, comparisonAlpha: 0.05, looks: PLANNED_LOOKS }

describe('sequential power', () => {
  test('the boundary at the last look is the multiplier of a sequence tuned at the plan, whatever the plan', () => {
    const boundaries = computeLookBoundaries(settings)
    for (const planTotal of [2000, 62468, 2e9]) {
      expect(boundaries[PLANNED_LOOKS - 1]).toBeCloseTo(computeSequentialMultiplier(planTotal, computeRho(0.05, planTotal), 0.05), 12)
      expect(boundaries[9]).toBeCloseTo(computeSequentialMultiplier(planTotal / 2, computeRho(0.05, planTotal), 0.05), 12)
    }
    expect(boundaries[PLANNED_LOOKS - 1]).toBeCloseTo(3.0352, 4) // against z = 1.96 for one fixed look
    // The boundary falls towards the plan: early looks need much stronger evidence.
    expect(boundaries[0]).toBeGreaterThan(4.5)
  })

  test('one look is the plain normal tail', () => {
    const [boundary] = computeLookBoundaries({ ...settings, looks: 1 })
    expect(computeSequentialPower(3.5, [boundary])).toBeCloseTo(normalSurvival(boundary - 3.5), 12)
  })

  test('the integration agrees with a ten times finer grid and with a Monte Carlo of the looks', () => {
    const boundaries = computeLookBoundaries(settings)
    for (const drift of [2.8, 3.7, 4.3]) expect(Math.abs(computeSequentialPower(drift, boundaries) - computeSequentialPower(drift, boundaries, 0.005))).toBeLessThan(2e-5)
    // The z statistic at look k is a Brownian motion with drift, read at t = k/20.
    const random = createRandom(5)
    const runs = 100_000
    const drift = 3.7
    let crossed = 0
    for (let run = 0; run < runs; run++) {
      let score = 0
      for (let k = 1; k <= PLANNED_LOOKS; k++) {
        score += drift / PLANNED_LOOKS + Math.sqrt(1 / PLANNED_LOOKS) * normalQuantile(Math.max(1e-300, random()))
        if (score / Math.sqrt(k / PLANNED_LOOKS) > boundaries[k - 1]) {
          crossed++
          break
        }
      }
    }
    // SE of the Monte Carlo estimate ≈ 0.0013
    expect(Math.abs(crossed / runs - computeSequentialPower(drift, boundaries))).toBeLessThan(0.005)
  })

  test('the fixed-horizon plan gives the sequential test only about half its power (the issue measured 50.1 ± 0.7%)', () => {
    const fixedDrift = normalQuantile(0.975) + normalQuantile(0.8)
    expect(computeSequentialPower(fixedDrift, computeLookBoundaries(settings))).toBeCloseTo(0.49, 2)
  })

  test('the solved drift reaches the power, between the fixed-horizon drift and the last-look-only drift', () => {
    const drift = solveSequentialDrift(settings, 0.8)
    expect(computeSequentialPower(drift, computeLookBoundaries(settings))).toBeCloseTo(0.8, 8)
    expect(drift).toBeGreaterThan(normalQuantile(0.975) + normalQuantile(0.8))
    expect(drift).toBeLessThan(computeLookBoundaries(settings)[PLANNED_LOOKS - 1] + normalQuantile(0.8))
    // Strict settings and high power solve too.
    const strict = solveSequentialDrift({ alpha: 0.0001, comparisonAlpha: 0.0001 / 19, looks: PLANNED_LOOKS }, 0.99)
    expect(computeSequentialPower(strict, computeLookBoundaries({ alpha: 0.0001, comparisonAlpha: 0.0001 / 19, looks: PLANNED_LOOKS }))).toBeCloseTo(0.99, 8)
  })
})
