// Timing of the statistics module. Run: npx tsx tests/bench/statistics.bench.ts
// Target: analyze() on 5 variants × 1,000,000 visitors in under 1 ms (median).

import { analyze } from '#app/statistics/analyze'
import { computeProbabilityToBeat, createPosterior } from '#app/statistics/bayes'

const WARM_UP = 500
const ITERATIONS = 5000

function measure(label: string, run: (iteration: number) => void): void {
  for (let i = 0; i < WARM_UP; i++) run(i)
  const micros = new Float64Array(ITERATIONS)
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now()
    run(i)
    micros[i] = (performance.now() - started) * 1000
  }
  micros.sort()
  const at = (q: number) => micros[Math.min(ITERATIONS - 1, Math.floor(q * ITERATIONS))]
  console.log(`${label.padEnd(58)} median ${at(0.5).toFixed(1).padStart(7)} µs   p99 ${at(0.99).toFixed(1).padStart(7)} µs   max ${micros[ITERATIONS - 1].toFixed(0).padStart(6)} µs`)
}

// Rates 10.00%, 10.03%, … so the arms overlap as in a real test; the offset moves per iteration
// so nothing can be cached between calls.
const fiveArms = (shift: number) =>
  ['A', 'B', 'C', 'D', 'E'].map((key, i) => ({ key, visitors: 1_000_000, conversions: 100_000 + 300 * i + (shift % 7) }))

console.log(`node ${process.version}, ${WARM_UP} warm-up + ${ITERATIONS} timed iterations each`)
measure('analyze: 5 variants × 1,000,000 visitors', (i) => analyze({ variants: fiveArms(i) }))
const twentyArms = (shift: number) =>
  Array.from({ length: 20 }, (_, i) => ({ key: `V${i}`, visitors: 1_000_000, conversions: 100_000 + 150 * i + (shift % 7) }))
measure('analyze: 20 variants × 1,000,000 visitors (the maximum)', (i) => analyze({ variants: twentyArms(i) }))
measure('analyze: 2 variants × 1,000,000 visitors', (i) => analyze({ variants: fiveArms(i).slice(0, 2) }))
measure('analyze: 2 variants × 1,000 visitors', (i) => analyze({ variants: [{ key: 'A', visitors: 1000, conversions: 100 + (i % 5) }, { key: 'B', visitors: 1000, conversions: 112 }] }))

const control = createPosterior({ visitors: 2_000_000, conversions: 1_000_000 })
measure('probability to beat: 10^6 conversions each (50% rate)', (i) =>
  computeProbabilityToBeat(createPosterior({ visitors: 2_000_000, conversions: 1_001_000 + (i % 7) }), control),
)
const rareControl = createPosterior({ visitors: 10_000_000, conversions: 1_000_000 })
measure('probability to beat: 10^6 conversions of 10^7 visitors', (i) =>
  computeProbabilityToBeat(createPosterior({ visitors: 10_000_000, conversions: 1_003_000 + (i % 7) }), rareControl),
)
measure('probability to beat: 10^6 vs 10^6 − 5,000 (far tail)', (i) =>
  computeProbabilityToBeat(createPosterior({ visitors: 2_000_000, conversions: 995_000 + (i % 7) }), control),
)
