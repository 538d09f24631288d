import { describe, expect, test } from 'vitest'
import { createApiKey, revokeApiKey } from '#app/api-keys/api-key.server'
import { loader as unknownApi } from '#app/routes/api.v1.$'
import { loader as workspaceApi } from '#app/routes/api.v1.workspace'
import { loader as healthz } from '#app/routes/healthz'
import { callRoute, createOwner, readResult } from '#tests/factories/accounts'

describe('GET /api/v1/workspace', () => {
  test("answers the key's workspace, and 401 JSON for a missing, unknown or revoked key", async () => {
    const owner = await createOwner({ name: 'Keyholder' })
    const { key, id } = await createApiKey({ workspaceId: owner.workspaceId, name: 'test', createdBy: owner.userId })
    const ok = await readResult(await callRoute(workspaceApi, '/api/v1/workspace', { headers: { Authorization: `Bearer ${key}` } }))
    expect(ok).toMatchObject({ status: 200, body: { id: owner.workspaceId, name: "Keyholder's workspace" } })

    const missing = await readResult(await callRoute(workspaceApi, '/api/v1/workspace'))
    expect(missing.status).toBe(401)
    expect(missing.body).toHaveProperty('error')
    const wrong = await readResult(await callRoute(workspaceApi, '/api/v1/workspace', { headers: { Authorization: 'Bearer sf_nope' } }))
    expect(wrong.status).toBe(401)

    await revokeApiKey({ workspaceId: owner.workspaceId, id })
    const revoked = await readResult(await callRoute(workspaceApi, '/api/v1/workspace', { headers: { Authorization: `Bearer ${key}` } }))
    expect(revoked).toMatchObject({ status: 401, body: { error: 'Invalid or revoked API key' } })
  })

  test('unknown API paths answer 404 JSON', async () => {
    const result = await readResult(await callRoute(unknownApi, '/api/v1/nothing-here'))
    expect(result).toMatchObject({ status: 404, body: { error: expect.stringContaining('/api/v1/nothing-here') } })
  })
})

test('GET /healthz reports the database', async () => {
  const result = await readResult(await healthz())
  expect(result).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok' } })
})
