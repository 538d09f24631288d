import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { action as pagesApi } from '#app/routes/api.v1.pages'
import { loader as pageApi } from '#app/routes/api.v1.pages.$id'
import { action as variantsApi } from '#app/routes/api.v1.pages.$id.variants'
import { apiKeyCaller, createOwner } from '#tests/factories/accounts'

// Real concurrency needs real PostgreSQL (a pool of connections; PGlite runs one statement at a time). CI sets
// DATABASE_URL; without it the test still runs, serialised, and checks the same outcome.
test('concurrent "duplicate as new variant" calls get distinct keys and never a 500', async () => {
  const owner = await createOwner()
  const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
  for (let round = 0; round < 5; round++) {
    const page = (await call(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: 'Race', slug: `race-${randomUUID().slice(0, 8)}` } })).body as { id: string }
    const results = await Promise.all(Array.from({ length: 8 }, () => call(variantsApi, '', { method: 'POST', body: {}, params: { id: page.id } })))
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201))
    const keys = results.map((r) => (r.body as { key: string }).key).sort()
    expect(keys).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'])
    const stored = (await call(pageApi, '', { params: { id: page.id } })).body as { variants: { key: string }[] }
    expect(stored.variants.map((v) => v.key)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'])
  }
})
