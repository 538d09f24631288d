import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { MAX_VARIANTS } from '#app/statistics/schema'
import { createRandom } from '#app/statistics/simulate'
import { readResult } from '#tests/factories/accounts'
import { action } from './api.v1.analyze'

// Issue 16 over HTTP: 0 %, 100 %, 0 visitors and the schema's maximum never give a 5xx, and the JSON carries no
// null where a number belongs. JSON turns NaN and Infinity into null, so on the wire a stray null is the symptom.

const SCHEMA_MAX_COUNT = 1e12

type Body = {
  variants: {
    key: string
    visitors: unknown
    conversions: unknown
    rate: number | null
    probabilityToBeBest: number | null
    expectedLoss: number | null
    vsControl?: Record<string, unknown>
  }[]
  decision: { reason: string }
}

async function post(body: unknown) {
  const request = new Request('http://app.test/api/v1/analyze', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  return readResult(await action({ request, params: {}, context: { clientIp: `ip-${randomUUID()}` } }).catch((thrown: unknown) => thrown))
}

// Null only where the documentation allows it (docs/api.md): no visitors, a control at 0 %, an unbounded sequence.
function expectNoStrayNull({ variants, decision }: Body, sent: { visitors: number; conversions: number }[]) {
  const withData = sent.filter((v) => v.visitors > 0).length
  const control = sent[0]
  variants.forEach((v, i) => {
    const own = sent[i]
    expect([v.visitors, v.conversions]).toEqual([own.visitors, own.conversions])
    if (own.visitors > 0) expect(v.rate).toBeTypeOf('number')
    const hasProbabilities = own.visitors > 0 && withData >= 2
    for (const p of [v.probabilityToBeBest, v.expectedLoss]) {
      if (hasProbabilities) expect(p !== null && p >= 0 && p <= 1, JSON.stringify(v)).toBe(true)
      else expect(p).toBeNull()
    }
    if (!v.vsControl || own.visitors === 0 || control.visitors === 0) return
    for (const field of ['absoluteLift', 'absoluteLiftCi', 'relativeLiftCi', 'pValue', 'pValueAdjusted', 'sequentialPValue', 'sequentialPValueAdjusted', 'probabilityToBeatControl']) {
      expect(v.vsControl[field], `${v.key}.vsControl.${field}`).not.toBeNull()
    }
    if (control.conversions > 0) expect(v.vsControl.relativeLift).not.toBeNull()
  })
  expect(decision.reason).not.toMatch(/NaN|Infinity|undefined|null/)
}

describe('POST /api/v1/analyze at the edges', () => {
  test('120 random bodies built from 0 %, 100 %, 0 visitors and the schema maximum: 200 and no stray null', async () => {
    const random = createRandom(3202)
    const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]
    for (let run = 0; run < 120; run++) {
      const count = random() < 0.1 ? MAX_VARIANTS : 2 + Math.floor(random() * 3)
      const variants = Array.from({ length: count }, (_, i) => {
        const visitors = pick([0, 1, 100, 5000, SCHEMA_MAX_COUNT])
        return { key: `V${i}`, visitors, conversions: pick([0, visitors, Math.floor(visitors * random())]) }
      })
      const body = { variants, ...(random() < 0.5 ? { dailyVisitors: pick([0.001, 1000, SCHEMA_MAX_COUNT]) } : {}) }
      const result = await post(body)
      expect(result.status, JSON.stringify(body)).toBe(200)
      expectNoStrayNull(result.body as Body, variants)
    }
  })

  test('the issue’s three: both arms at 100 %, an arm without visitors, a lone arm with data', async () => {
    const full = await post({
      variants: [
        { key: 'A', visitors: 50, conversions: 50 },
        { key: 'B', visitors: 60, conversions: 60 },
      ],
    })
    const [low, high] = (full.body as Body).variants[1].vsControl!.relativeLiftCi as [number, number]
    expect(low).toBeLessThan(0)
    expect(high).toBeGreaterThan(0)

    const empty = await post({
      variants: [
        { key: 'A', visitors: 1000, conversions: 100 },
        { key: 'B', visitors: 1000, conversions: 120 },
        { key: 'C', visitors: 0, conversions: 0 },
      ],
    })
    const c = (empty.body as Body).variants[2]
    expect(c).toMatchObject({ probabilityToBeBest: null, expectedLoss: null, vsControl: { probabilityToBeatControl: null } })
    const best = (empty.body as Body).variants.map((v) => v.probabilityToBeBest ?? 0)
    expect(Math.abs(best.reduce((sum, p) => sum + p, 0) - 1)).toBeLessThan(1e-12)
  })

  test('past the schema maximum is a 400 naming the field, not a 500', async () => {
    const result = await post({
      variants: [
        { key: 'A', visitors: SCHEMA_MAX_COUNT + 1, conversions: 0 },
        { key: 'B', visitors: 1, conversions: 0 },
      ],
    })
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.body)).toContain('variants.0.visitors')
  })
})

const planVariants = [
  { key: 'A', visitors: 1000, conversions: 50 },
  { key: 'B', visitors: 1000, conversions: 70 },
]

describe('POST /api/v1/analyze: a fixed-horizon test needs its plan', () => {
  test('sequential: false without plannedVisitorsPerVariant is a 400 naming it (reading it at every look is peeking)', async () => {
    const result = await post({ variants: planVariants, sequential: false })
    expect(result.status).toBe(400)
    const errors = (result.body as { errors: Record<string, string[]> }).errors
    expect(Object.keys(errors)).toEqual(['plannedVisitorsPerVariant'])
    expect(errors.plannedVisitorsPerVariant![0]).toMatch(/required with sequential: false/)
  })

  test('with its plan, or sequential, it answers', async () => {
    expect((await post({ variants: planVariants, sequential: false, plannedVisitorsPerVariant: 1000 })).status).toBe(200)
    expect((await post({ variants: planVariants })).status).toBe(200)
    expect((await post({ variants: planVariants, sequential: true })).status).toBe(200)
  })
})
