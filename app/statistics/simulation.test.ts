// Seeded Monte Carlo checks of the error rates app/statistics/README.md promises. Exact binomial draws
// (simulate.ts), no normal approximation. Runs in a few seconds on two cores.

import { describe, expect, test } from 'vitest'
import { analyze } from './analyze'
import { computeSampleSize } from './sample-size'
import { createRandom, sampleBinomial } from './simulate'

describe('simulations', () => {
  test('A/A with 20 looks: sequential false-positive rate ≤ 5% (naive peeking is far higher)', () => {
    const random = createRandom(1)
    const runs = 2000
    const looks = 20
    const visitorsPerLook = 250 // per variant; 5,000 per variant at the last look
    const rate = 0.1
    let sequentialFalsePositives = 0
    let naiveFalsePositives = 0
    let finalLookFalsePositives = 0
    for (let run = 0; run < runs; run++) {
      const arms = [
        { key: 'A', visitors: 0, conversions: 0 },
        { key: 'B', visitors: 0, conversions: 0 },
      ]
      let sequentialFired = false
      let naiveFired = false
      for (let look = 0; look < looks; look++) {
        for (const a of arms) {
          a.visitors += visitorsPerLook
          a.conversions += sampleBinomial(random, visitorsPerLook, rate)
        }
        const vs = analyze({ variants: arms, plannedVisitorsPerVariant: looks * visitorsPerLook }).variants[1].vsControl!
        sequentialFired ||= vs.significant
        naiveFired ||= vs.pValue! < 0.05
        if (look === looks - 1 && vs.pValue! < 0.05) finalLookFalsePositives++
      }
      if (sequentialFired) sequentialFalsePositives++
      if (naiveFired) naiveFalsePositives++
    }
    const sequentialRate = sequentialFalsePositives / runs
    const naiveRate = naiveFalsePositives / runs
    console.log(
      `A/A, ${runs} runs × ${looks} looks: sequential false positives ${(100 * sequentialRate).toFixed(1)}%, ` +
        `naive "stop at first p < 0.05" ${(100 * naiveRate).toFixed(1)}%, fixed horizon (last look only) ${((100 * finalLookFalsePositives) / runs).toFixed(1)}%`,
    )
    expect(sequentialRate).toBeLessThanOrEqual(0.05)
    expect(naiveRate).toBeGreaterThan(0.15)
  })

  test('the relative-lift interval covers the true lift 95% ± 1.5% of the time', () => {
    const random = createRandom(2)
    const runs = 5000
    const visitors = 2000
    const [controlRate, lift] = [0.1, 0.2]
    let covered = 0
    let sequentialCovered = 0
    for (let run = 0; run < runs; run++) {
      const variants = [
        { key: 'A', visitors, conversions: sampleBinomial(random, visitors, controlRate) },
        { key: 'B', visitors, conversions: sampleBinomial(random, visitors, controlRate * (1 + lift)) },
      ]
      const vs = analyze({ variants }).variants[1].vsControl!
      if (vs.relativeLiftCi![0] <= lift && lift <= vs.relativeLiftCi![1]) covered++
      if (vs.sequentialRelativeLiftCi![0] <= lift && lift <= vs.sequentialRelativeLiftCi![1]) sequentialCovered++
    }
    console.log(`coverage of +20% lift over ${runs} runs: fixed ${((100 * covered) / runs).toFixed(1)}%, sequential ${((100 * sequentialCovered) / runs).toFixed(1)}%`)
    expect(Math.abs(covered / runs - 0.95)).toBeLessThanOrEqual(0.015)
    expect(sequentialCovered / runs).toBeGreaterThanOrEqual(0.95)
  })

  // The plan promises its power to the analysis that decides: by default the sequential one, read at 20 looks.
  test.each([
    ['the issue’s 5% baseline, +10% lift', 0.05, 0.1, 5],
    ['10% baseline, +20% lift', 0.1, 0.2, 6],
  ])('power at the sequential plan’s sample is 80% ± 4%, through analyze() with 20 looks: %s', { timeout: 60_000 }, (_label, baselineRate, relativeMde, seed) => {
    const random = createRandom(seed)
    const runs = 1000
    const looks = 20
    const { visitorsPerVariant } = computeSampleSize({ baselineRate, relativeMde })
    let winners = 0
    for (let run = 0; run < runs; run++) {
      const arms = [
        { key: 'A', visitors: 0, conversions: 0, rate: baselineRate },
        { key: 'B', visitors: 0, conversions: 0, rate: baselineRate * (1 + relativeMde) },
      ]
      for (let look = 1; look <= looks; look++) {
        const added = Math.round((look * visitorsPerVariant) / looks) - arms[0].visitors
        for (const arm of arms) {
          arm.visitors += added
          arm.conversions += sampleBinomial(random, added, arm.rate)
        }
        const { decision } = analyze({ variants: arms.map(({ key, visitors, conversions }) => ({ key, visitors, conversions })), plannedVisitorsPerVariant: visitorsPerVariant })
        if (decision.status === 'winner' && decision.variant === 'B') {
          winners++
          break
        }
      }
    }
    console.log(
      `power at the sequential plan of ${visitorsPerVariant} visitors per variant (${baselineRate} → +${relativeMde}), ${runs} runs × ${looks} looks: ${((100 * winners) / runs).toFixed(1)}%`,
    )
    expect(Math.abs(winners / runs - 0.8)).toBeLessThanOrEqual(0.04)
  })

  test('power at the fixed-horizon plan, read once at it, is 80% ± 4%', () => {
    const random = createRandom(3)
    const runs = 2000
    const [baselineRate, relativeMde] = [0.1, 0.2]
    const { visitorsPerVariant } = computeSampleSize({ baselineRate, relativeMde, sequential: false })
    let detected = 0
    for (let run = 0; run < runs; run++) {
      const variants = [
        { key: 'A', visitors: visitorsPerVariant, conversions: sampleBinomial(random, visitorsPerVariant, baselineRate) },
        { key: 'B', visitors: visitorsPerVariant, conversions: sampleBinomial(random, visitorsPerVariant, baselineRate * (1 + relativeMde)) },
      ]
      if (analyze({ variants, sequential: false, plannedVisitorsPerVariant: visitorsPerVariant }).variants[1].vsControl!.pValue! < 0.05) detected++
    }
    console.log(`fixed-horizon power at ${visitorsPerVariant} visitors per variant over ${runs} runs: ${((100 * detected) / runs).toFixed(1)}%`)
    expect(Math.abs(detected / runs - 0.8)).toBeLessThanOrEqual(0.04)
  })

  test('the binomial sampler has the right mean and variance', () => {
    const random = createRandom(4)
    const draws = Array.from({ length: 20_000 }, () => sampleBinomial(random, 3841, 0.12))
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1)
    expect(Math.abs(mean - 3841 * 0.12)).toBeLessThan(0.3) // SE of the mean ≈ 0.14
    expect(Math.abs(variance / (3841 * 0.12 * 0.88) - 1)).toBeLessThan(0.04)
  })
})
