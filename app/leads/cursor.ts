import { z } from 'zod'
import { LEAD_SORTS, type LeadSort } from '#app/leads/schema'

/**
 * Where a page of the inbox ended: the last row's sort key and id (the tie-breaker), the sort it belongs to, and
 * the moment scores were computed at, so that every page of one listing scores leads at the same instant. Keyset
 * pagination: rows inserted meanwhile never shift later pages, so nothing is shown twice or skipped.
 * Opaque to callers: base64url JSON, validated on the way back in.
 */
export type LeadCursor = {
  sort: LeadSort
  /** Timestamps as PostgreSQL text with microseconds (a JS Date would drop them), scores as integers. */
  key: string | number
  id: string
  now: number
}

const CursorJsonSchema = z.object({
  s: z.enum(LEAD_SORTS),
  k: z.union([z.string().max(40), z.number().int()]),
  i: z.uuid(),
  n: z.number().int().positive(),
})

export function encodeLeadCursor(cursor: LeadCursor): string {
  const json = { s: cursor.sort, k: cursor.key, i: cursor.id, n: cursor.now }
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url')
}

/** The cursor, or null when the text is not one of ours (tampered, truncated, from another sort). */
export function decodeLeadCursor(text: string, sort: LeadSort): LeadCursor | null {
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const parsed = CursorJsonSchema.safeParse(json)
  if (!parsed.success || parsed.data.s !== sort) return null
  const { s, k, i, n } = parsed.data
  if ((s === 'score') !== (typeof k === 'number')) return null
  if (typeof k === 'string' && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(k)) return null
  return { sort: s, key: k, id: i, now: n }
}
