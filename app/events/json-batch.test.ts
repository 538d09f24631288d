import { sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { expect, test } from 'vitest'
import { db, queryRows } from '#app/db.server'
import { jsonBatch } from './json-batch'

const batch = jsonBatch([
  ['id', 'uuid'],
  ['other_id', 'uuid?'],
  ['name', 'text'],
  ['note', 'text?'],
  ['day', 'date'],
  ['at', 'timestamptz'],
  ['at_ms', 'epoch_ms'],
])
type Row = { id: string; otherId: string | null; name: string; note?: string; day: string; at: Date; atMs: number }

const rows: Row[] = [
  {
    id: '0a1b2c3d-0000-4000-8000-000000000001',
    otherId: null,
    name: 'Ünïcödé 訪問者 🙂',
    note: 'a "quoted", comma\nand newline',
    day: '2026-03-01',
    at: new Date('2026-03-01T12:34:56.789Z'),
    atMs: Date.UTC(2026, 2, 1, 23, 59, 59, 999),
  },
  { id: '0a1b2c3d-0000-4000-8000-000000000002', otherId: '0a1b2c3d-0000-4000-8000-000000000001', name: '', day: '2024-02-29', at: new Date(0), atMs: 0 },
]
const encode = (r: Row) => [r.id, r.otherId, r.name, r.note ?? null, r.day, r.at, r.atMs] as const

type Decoded = { id: string; other_id: string | null; name: string; note: string | null; day: string; at: string; at_ms: string }
// Every value as text, so both drivers return the same thing: the timestamps to the millisecond, in UTC.
const decodedText = sql.raw(
  `id::text as id, other_id::text as other_id, name, note, day::text as day, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') as at, to_char(at_ms at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') as at_ms`,
)
const expected = rows.map((r) => ({
  id: r.id,
  other_id: r.otherId,
  name: r.name,
  note: r.note ?? null,
  day: r.day,
  at: r.at.toISOString().slice(0, -1),
  at_ms: new Date(r.atMs).toISOString().slice(0, -1),
}))

test('rows encoded in TypeScript come back from PostgreSQL as they went in, named and typed, nulls included', async () => {
  const json = batch.encode(rows, (r) => [...encode(r)])
  const decoded = await queryRows<Decoded>(db, sql`select ${decodedText} from (${batch.select(json)}) as b order by id`)
  expect(decoded).toEqual(expected)
})

test('rows built by PostgreSQL (build) are read by the same select list', async () => {
  const json = batch.encode(rows, (r) => [...encode(r)])
  const [built] = await queryRows<{ json: string }>(db, sql`select jsonb_agg(${batch.build('t')} order by t.id)::text as json from (${batch.select(json)}) as t`)
  const decoded = await queryRows<Decoded>(db, sql`select ${decodedText} from (${batch.select(built!.json)}) as b order by id`)
  expect(decoded).toEqual(expected)
})

test('the select list names and casts each position once, in the list’s order', () => {
  expect(batch.columns.map(([name]) => name)).toEqual(['id', 'other_id', 'name', 'note', 'day', 'at', 'at_ms'])
  const text = new PgDialect().sqlToQuery(batch.select('[]')).sql
  expect(text).toBe(
    'select (r->>0)::uuid as id, (r->>1)::uuid as other_id, r->>2 as name, r->>3 as note, (r->>4)::date as day, (r->>5)::timestamptz as at, to_timestamp((r->>6)::float8 / 1000) as at_ms from jsonb_array_elements($1::jsonb) as r',
  )
})

test('an encoder that leaves a column out, or puts one in the wrong place, does not compile', () => {
  // @ts-expect-error one value short: the list has seven columns
  batch.encode(rows, (r) => [r.id, r.otherId, r.name, r.note ?? null, r.day, r.at])
  // @ts-expect-error at_ms (epoch_ms) must be a number, not a Date
  batch.encode(rows, (r) => [r.id, r.otherId, r.name, r.note ?? null, r.day, r.at, r.at])
  // @ts-expect-error a null where the column may not be null
  batch.encode(rows, (r) => [null, r.otherId, r.name, r.note ?? null, r.day, r.at, r.atMs])
  expect(true).toBe(true)
})
