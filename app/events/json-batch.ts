import { sql, type SQL } from 'drizzle-orm'

// A batch of rows sent to PostgreSQL as one JSON parameter, an array of arrays, and read back with
// jsonb_array_elements: one parameter however many rows, where the query builder would bind one per value and spend
// milliseconds of the event loop building them (measured in app/visitors/page-views.server.ts). Inside the JSON a
// column is only a position, so the side that encodes a row and the SQL that reads it must agree on every index.
// A codec makes both from one column list: the tuple type the encoder must return, the SQL select list that names
// and casts each position, and PostgreSQL's own encoder for batches built in SQL. A column added to the list is in
// both, or the encoder does not compile. Decision 052 (docs/decisions/052-batch-codecs.md).

/** What a column is in the JSON (the TypeScript side) for each kind; `?` may be null. */
type KindValues = {
  uuid: string
  'uuid?': string | null
  text: string
  'text?': string | null
  /** yyyy-mm-dd */
  date: string
  /** A Date (JSON.stringify writes it as ISO 8601) or a timestamp PostgreSQL wrote into the JSON. */
  timestamptz: Date | string
  /** Milliseconds since the epoch: cheaper to encode and parse than ISO text, exact to the millisecond. */
  epoch_ms: number
}
export type BatchKind = keyof KindValues
export type BatchColumn = readonly [name: string, kind: BatchKind]

/** The row as the encoder writes it: one value per column, in the list's order. */
export type BatchTuple<C extends readonly BatchColumn[]> = { -readonly [I in keyof C]: C[I] extends readonly [string, infer K extends BatchKind] ? KindValues[K] : never }

/** How PostgreSQL reads a kind from its text (`->>` gives text; JSON null gives SQL null). */
const READ: Record<BatchKind, (text: string) => string> = {
  uuid: (text) => `(${text})::uuid`,
  'uuid?': (text) => `(${text})::uuid`,
  text: (text) => text,
  'text?': (text) => text,
  date: (text) => `(${text})::date`,
  timestamptz: (text) => `(${text})::timestamptz`,
  epoch_ms: (text) => `to_timestamp((${text})::float8 / 1000)`,
}

/** How PostgreSQL writes a column of that kind from a table, where jsonb's own rendering is not what READ expects. */
const WRITE: Partial<Record<BatchKind, (column: string) => string>> = {
  epoch_ms: (column) => `round(extract(epoch from ${column}) * 1000)`,
}

export type JsonBatch<C extends readonly BatchColumn[]> = {
  columns: C
  /** The batch as its JSON parameter; `toTuple` gives each row's values in column order (the type holds it to that). */
  encode<Row>(rows: readonly Row[], toTuple: (row: Row) => BatchTuple<C>): string
  /** `select <each column, cast and named> from jsonb_array_elements(<json>) as r`: a CTE's body or a subquery. */
  select(json: string | SQL): SQL
  /** The same rows built by PostgreSQL from a table's columns of the same names: `jsonb_build_array(<alias>.<column>, …)`. */
  build(alias: string): SQL
}

export function jsonBatch<const C extends readonly BatchColumn[]>(columns: C): JsonBatch<C> {
  // Built once: a statement costs nothing more than its hand-written text did.
  const selectList = sql.raw(columns.map(([name, kind], i) => `${READ[kind](`r->>${i}`)} as ${name}`).join(', '))
  return {
    columns,
    encode: (rows, toTuple) => JSON.stringify(rows.map(toTuple)),
    select: (json) => sql`select ${selectList} from jsonb_array_elements(${json}::jsonb) as r`,
    build: (alias) => sql.raw(`jsonb_build_array(${columns.map(([name, kind]) => WRITE[kind]?.(`${alias}.${name}`) ?? `${alias}.${name}`).join(', ')})`),
  }
}
