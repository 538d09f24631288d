import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { readResult } from '#tests/factories/accounts'
import { action } from './api.v1.sample-size'

async function post(body: unknown) {
  const request = new Request('http://app.test/api/v1/sample-size', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  return readResult(await action({ request, params: {}, context: { clientIp: `ip-${randomUUID()}` } }).catch((thrown: unknown) => thrown))
}

// Every number in an answer: finite, and no count with more digits than a plan analyze could take.
function expectSaneNumbers(value: unknown): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value)).toBe(true)
    expect(Math.abs(value)).toBeLessThan(1e11)
  } else if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(expectSaneNumbers)
  } else {
    expect(value).not.toBeNull()
  }
}

describe('POST /api/v1/sample-size', () => {
  test('answers the sequential plan by default, with the fixed-horizon figure and why they differ', async () => {
    const result = await post({ baselineRate: 0.05, relativeMde: 0.1, dailyVisitors: 1000 })
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({
      sequential: true,
      visitorsPerVariant: 54354,
      totalVisitors: 108708,
      days: 109,
      isReachable: true,
      // statsmodels/Evan Miller give 31,234 per variant for 5% → 5.5% at α = 0.05, power 0.8.
      alternative: { sequential: false, visitorsPerVariant: 31234, totalVisitors: 62468, days: 63, isReachable: true, difference: expect.stringMatching(/1\.7×/) },
    })
  })

  test('sequential: false answers the fixed-horizon plan', async () => {
    const result = await post({ baselineRate: 0.05, relativeMde: 0.1, sequential: false })
    expect(result.body).toMatchObject({ sequential: false, visitorsPerVariant: 31234, alternative: { sequential: true, visitorsPerVariant: 54354 } })
  })

  test('a plan past a year of traffic says so', async () => {
    const result = await post({ baselineRate: 0.05, relativeMde: 0.1, dailyVisitors: 50 })
    expect(result.body).toMatchObject({ days: 2175, isReachable: false })
  })

  // The inputs: each was a 500, a null or an absurd number.
  test.each([
    ['alpha 1e-20', { baselineRate: 0.05, relativeMde: 0.1, alpha: 1e-20 }, 'alpha'],
    ['alpha 1e-300', { baselineRate: 0.05, relativeMde: 0.1, alpha: 1e-300 }, 'alpha'],
    ['alpha 1e-17 with 20 variants', { baselineRate: 0.05, relativeMde: 0.1, alpha: 1e-17, variants: 20 }, 'alpha'],
    ['relativeMde 1e-17 (p₂ = p₁)', { baselineRate: 0.05, relativeMde: 1e-17 }, 'relativeMde'],
    ['relativeMde 1e-300', { baselineRate: 0.05, relativeMde: 1e-300 }, 'relativeMde'],
    ['relativeMde 1e-10 (3e22 visitors)', { baselineRate: 0.05, relativeMde: 1e-10 }, 'relativeMde'],
    ['baselineRate 1e-300', { baselineRate: 1e-300, relativeMde: 0.1 }, 'baselineRate'],
    ['dailyVisitors 1e-300', { baselineRate: 0.05, relativeMde: 0.1, dailyVisitors: 1e-300 }, 'dailyVisitors'],
    ['a lift too small for a billion visitors', { baselineRate: 1e-6, relativeMde: 0.001 }, 'relativeMde'],
  ])('%s → 400 naming %s', async (_label, body, field) => {
    const result = await post(body)
    expect(result.status).toBe(400)
    expect(Object.keys((result.body as { errors: Record<string, string[]> }).errors)).toEqual([field])
  })

  test.each([
    ['the strictest alpha with 20 variants and 99.98% power', { baselineRate: 0.05, relativeMde: 0.1, alpha: 0.0001, variants: 20, power: 0.9998, dailyVisitors: 1 }],
    ['the smallest baseline with the largest lift', { baselineRate: 1e-6, relativeMde: 100 }],
    ['a baseline near 1', { baselineRate: 0.999, relativeMde: 0.0009 }],
    ['one visitor a day', { baselineRate: 0.3, relativeMde: 0.5, dailyVisitors: 1 }],
  ])('edge inputs give sane numbers: %s', async (_label, body) => {
    const result = await post(body)
    expect(result.status).toBe(200)
    expectSaneNumbers(result.body)
  })
})
