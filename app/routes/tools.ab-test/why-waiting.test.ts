import { describe, expect, test } from 'vitest'
import { analyze, type AnalyzeInput } from '#app/statistics/analyze'
import { loader } from './route'
import { explainWaiting } from './why-waiting'

// Issue 16: "Keep collecting: No clear difference" beside "Chance to beat control 99.7%", with nothing to say why.

const variants = (control: number, treatment: number, visitors = 5000) => [
  { key: 'A', visitors, conversions: control },
  { key: 'B', visitors, conversions: treatment },
]

const explain = (input: AnalyzeInput) => {
  const analysis = analyze(input)
  return { analysis, text: explainWaiting(analysis, input) }
}

describe('why the calculator waits', () => {
  test('the issue’s case: above 99.7% to beat the control, no call, because the always-valid test has not ruled out no difference', () => {
    const { analysis, text } = explain({ variants: variants(500, 590) })
    const b = analysis.variants[1].vsControl!
    expect(analysis.decision.status).toBe('collecting')
    expect(b.probabilityToBeatControl).toBeGreaterThan(0.997)
    expect(b.probabilityToBeatControl).toBeLessThan(0.9985)
    expect(b.sequentialPValueAdjusted).toBeGreaterThan(0.05)
    expect(text).toBe(
      `B’s 99.8% chance to beat A is not a call on its own: the always-valid test, which stays honest however often you check, has not yet ruled out no difference (p = ${Number(b.sequentialPValueAdjusted!.toPrecision(2))}; a call needs below 0.05).`,
    )
  })

  test('a convincing chance to lose is explained the same way', () => {
    const { text } = explain({ variants: variants(590, 500) })
    expect(text).toMatch(/^B’s 99\.8% chance to lose to A is not a call on its own: the always-valid test/)
  })

  test('a fixed-horizon test read before its plan says the plan is the gate', () => {
    const { analysis, text } = explain({ variants: variants(500, 600), sequential: false, plannedVisitorsPerVariant: 20_000 })
    expect(analysis.variants[1].vsControl!.significant).toBe(true)
    expect(text).toBe('B’s 99.9% chance to beat A is not a call on its own: a fixed-horizon test is read once, at its planned 20,000 visitors per variant, and that sample is not reached yet.')
  })

  test('too few visitors: the minimum is the gate', () => {
    const { text } = explain({ variants: variants(1, 30, 90) })
    expect(text).toBe('B’s > 99.9% chance to beat A is not a call on its own: every variant needs at least 100 visitors before a call, and A has 90.')
  })

  test('nothing to explain when the chance is not convincing, or a call is made', () => {
    expect(explain({ variants: variants(500, 520) }).text).toBeNull()
    const winner = explain({ variants: variants(500, 700) })
    expect(winner.analysis.decision.status).toBe('winner')
    expect(winner.text).toBeNull()
  })

  test('the calculator page’s loader sends the sentence with the analysis', async () => {
    const request = new Request('http://app.test/tools/ab-test?name=A&visitors=5000&conversions=500&name=B&visitors=5000&conversions=590')
    const data = await loader({ request, params: {}, context: { clientIp: '203.0.113.7' } })
    expect(data.analysis?.decision.status).toBe('collecting')
    expect('whyWaiting' in data ? data.whyWaiting : null).toMatch(/^B’s 99\.8% chance to beat A is not a call on its own/)
  })
})
