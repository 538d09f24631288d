import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { readResult } from '#tests/factories/accounts'
import { action } from './api.v1.analyze'

async function post(body: unknown) {
  const request = new Request('http://app.test/api/v1/analyze', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  return readResult(await action({ request, params: {}, context: { clientIp: `ip-${randomUUID()}` } }).catch((thrown: unknown) => thrown))
}

const variants = [
  { key: 'A', visitors: 1000, conversions: 50 },
  { key: 'B', visitors: 1000, conversions: 70 },
]

describe('POST /api/v1/analyze: a fixed-horizon test needs its plan', () => {
  test('sequential: false without plannedVisitorsPerVariant is a 400 naming it (reading it at every look is peeking)', async () => {
    const result = await post({ variants, sequential: false })
    expect(result.status).toBe(400)
    const errors = (result.body as { errors: Record<string, string[]> }).errors
    expect(Object.keys(errors)).toEqual(['plannedVisitorsPerVariant'])
    expect(errors.plannedVisitorsPerVariant![0]).toMatch(/required with sequential: false/)
  })

  test('with its plan, or sequential, it answers', async () => {
    expect((await post({ variants, sequential: false, plannedVisitorsPerVariant: 1000 })).status).toBe(200)
    expect((await post({ variants })).status).toBe(200)
    expect((await post({ variants, sequential: true })).status).toBe(200)
  })
})
