import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createApiKey } from '#app/api-keys/api-key.server'
import { API_LIMITS } from '#app/rate-limits/api-limit.server'
import { action as analyzeAction, loader as analyzeLoader } from '#app/routes/api.v1.analyze'
import { action as sampleSizeAction } from '#app/routes/api.v1.sample-size'
import { createOwner, readResult } from '#tests/factories/accounts'

function post(fn: typeof analyzeAction, body: unknown, { ip = `ip-${randomUUID()}`, headers = {} }: { ip?: string; headers?: Record<string, string> } = {}) {
  const request = new Request('http://app.test/api/v1/x', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return fn({ request, params: {}, context: { clientIp: ip } }).catch((thrown: unknown) => thrown)
}

describe('POST /api/v1/analyze', () => {
  test('answers the full analysis for valid counts', async () => {
    const result = await readResult(
      await post(analyzeAction, {
        variants: [
          { key: 'A', visitors: 10000, conversions: 500 },
          { key: 'B', visitors: 10000, conversions: 600 },
        ],
        // A fixed-horizon test needs its plan (issue 16): here it is reached.
        sequential: false,
        plannedVisitorsPerVariant: 10000,
      }),
    )
    expect(result.status).toBe(200)
    const body = result.body as { variants: { key: string; vsControl?: { pValue: number; significant: boolean } }[]; decision: { status: string }; srm: { detected: boolean } }
    expect(body.variants.map((v) => v.key)).toEqual(['A', 'B'])
    expect(body.variants[0]).not.toHaveProperty('vsControl')
    // pooled p̂ = 0.055, SE = √(0.055·0.945·2/10000) = 0.0032241, z = 3.1016 → two-sided p = 0.0019247
    expect(body.variants[1]!.vsControl!.pValue).toBeCloseTo(0.0019247, 6)
    expect(body.variants[1]!.vsControl!.significant).toBe(true)
    expect(body.srm.detected).toBe(false)
    expect(result.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })

  test.each([
    [
      'negative visitors',
      {
        variants: [
          { key: 'A', visitors: -1, conversions: 0 },
          { key: 'B', visitors: 1, conversions: 0 },
        ],
      },
      'variants.0.visitors',
    ],
    [
      'conversions above visitors',
      {
        variants: [
          { key: 'A', visitors: 10, conversions: 0 },
          { key: 'B', visitors: 5, conversions: 6 },
        ],
      },
      'variants.1.conversions',
    ],
    [
      'a string count',
      {
        variants: [
          { key: 'A', visitors: '10', conversions: 0 },
          { key: 'B', visitors: 5, conversions: 1 },
        ],
      },
      'variants.0.visitors',
    ],
    [
      'an unknown control',
      {
        variants: [
          { key: 'A', visitors: 10, conversions: 0 },
          { key: 'B', visitors: 5, conversions: 1 },
        ],
        control: 'Z',
      },
      'control',
    ],
    [
      'weights of the wrong length',
      {
        variants: [
          { key: 'A', visitors: 10, conversions: 0 },
          { key: 'B', visitors: 5, conversions: 1 },
        ],
        weights: [1],
      },
      'weights',
    ],
  ])('400 naming the field for %s', async (_name, body, field) => {
    const result = await readResult(await post(analyzeAction, body))
    expect(result.status).toBe(400)
    expect(Object.keys((result.body as { errors: Record<string, string[]> }).errors)).toContain(field)
  })

  test('400 for a body that is not JSON, 413 for one too large, 405 for GET', async () => {
    expect((await readResult(await post(analyzeAction, '{"variants": ['))).status).toBe(400)
    expect((await readResult(await post(analyzeAction, { pad: 'x'.repeat(70_000) }))).status).toBe(413)
    expect((await readResult(await analyzeLoader({ request: new Request('http://app.test/api/v1/analyze'), params: {}, context: { clientIp: '203.0.113.9' } }))).status).toBe(405)
  })

  test('zero visitors is not an error: nulls and collecting', async () => {
    const result = await readResult(
      await post(analyzeAction, {
        variants: [
          { key: 'A', visitors: 0, conversions: 0 },
          { key: 'B', visitors: 0, conversions: 0 },
        ],
      }),
    )
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ variants: [{ rate: null }, { rate: null }], decision: { status: 'collecting' } })
  })
})

describe('POST /api/v1/sample-size', () => {
  test('the classic two-variant formula for a fixed-horizon test, with days from daily traffic', async () => {
    const result = await readResult(await post(sampleSizeAction, { baselineRate: 0.05, relativeMde: 0.1, dailyVisitors: 1000, sequential: false }))
    // statsmodels/Evan Miller give 31,234 per variant for 5% → 5.5% at α = 0.05, power 0.8.
    expect(result.body).toMatchObject({ visitorsPerVariant: 31234, totalVisitors: 62468, days: 63 })
  })

  test('400 names a bad field', async () => {
    const result = await readResult(await post(sampleSizeAction, { baselineRate: 1.5, relativeMde: 0.1 }))
    expect(result.status).toBe(400)
    expect(result.body).toHaveProperty('errors.baselineRate')
  })
})

describe('rate limits', () => {
  test(`anonymous callers get ${API_LIMITS.perIp.limit} calls per minute per IP, then 429 with Retry-After`, async () => {
    const ip = `ip-${randomUUID()}`
    const body = { baselineRate: 0.05, relativeMde: 0.2 }
    for (let i = 0; i < API_LIMITS.perIp.limit; i++) expect((await readResult(await post(sampleSizeAction, body, { ip }))).status).toBe(200)
    const limited = await readResult(await post(sampleSizeAction, body, { ip }))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(limited.body).toMatchObject({ error: expect.stringMatching(/Rate limit/) })
    // Another IP is unaffected.
    expect((await readResult(await post(sampleSizeAction, body))).status).toBe(200)
  })

  test('a key gets at least 100 calls per second, from any IP; a bad key is 401', async () => {
    const owner = await createOwner()
    const { key } = await createApiKey({ workspaceId: owner.workspaceId, name: 'stats', createdBy: owner.userId })
    const body = {
      variants: [
        { key: 'A', visitors: 100, conversions: 5 },
        { key: 'B', visitors: 100, conversions: 7 },
      ],
    }
    const results = await Promise.all(Array.from({ length: 100 }, () => post(analyzeAction, body, { headers: { Authorization: `Bearer ${key}` } }).then(readResult)))
    expect(results.filter((r) => r.status === 429)).toHaveLength(0)
    expect(API_LIMITS.perKey.limit / API_LIMITS.perKey.windowSeconds).toBeGreaterThanOrEqual(100)
    const bad = await readResult(await post(analyzeAction, body, { headers: { Authorization: 'Bearer nope' } }))
    expect(bad.status).toBe(401)
  })
})
