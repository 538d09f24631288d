import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { decodeLeadCursor, encodeLeadCursor } from './cursor'

const id = randomUUID()

test('a cursor survives the round trip, as URL-safe text', () => {
  const byDate = { sort: 'newest' as const, key: '2026-03-01T10:00:00.123456Z', id, now: 1_790_000_000_000 }
  const text = encodeLeadCursor(byDate)
  expect(text).toMatch(/^[A-Za-z0-9_-]+$/)
  expect(decodeLeadCursor(text, 'newest')).toEqual(byDate)
  const byScore = { sort: 'score' as const, key: 42, id, now: 1_790_000_000_000 }
  expect(decodeLeadCursor(encodeLeadCursor(byScore), 'score')).toEqual(byScore)
})

test('anything but our own cursor for this sort is rejected', () => {
  const text = encodeLeadCursor({ sort: 'newest', key: '2026-03-01T10:00:00.123456Z', id, now: 1 })
  expect(decodeLeadCursor(text, 'score')).toBeNull()
  expect(decodeLeadCursor(text.slice(0, -3), 'newest')).toBeNull()
  expect(decodeLeadCursor('not a cursor', 'newest')).toBeNull()
  const forge = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url')
  expect(decodeLeadCursor(forge({ s: 'newest', k: "'; drop table leads; --", i: id, n: 1 }), 'newest')).toBeNull()
  expect(decodeLeadCursor(forge({ s: 'newest', k: '2026-03-01T10:00:00.123456Z', i: 'x', n: 1 }), 'newest')).toBeNull()
  expect(decodeLeadCursor(forge({ s: 'score', k: '12', i: id, n: 1 }), 'score')).toBeNull()
  expect(decodeLeadCursor(forge({ s: 'newest', k: 12, i: id, n: 1 }), 'newest')).toBeNull()
})
