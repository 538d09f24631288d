import type { z } from 'zod'
import { readBodyBytes, requestBodyLimit } from '#app/http/body.server'
import { tooLargeMessage } from '#app/http/body-limits'
import { fieldErrorsOf } from '#app/http/field-errors'
import { findUnsafeJson, type UnsafeText } from '#app/http/unsafe-text'

/** A JSON error response; API errors always carry `error` (one message) or `errors` (per field). */
export function jsonError(status: number, body: { error: string } | { errors: Record<string, string[]> }, headers?: HeadersInit) {
  return Response.json(body, { status, headers })
}

/**
 * The request's JSON body, or a thrown 4xx that says what is wrong with it: 413 past `maxBytes` (by default the
 * route's limit in body-limits.ts; checked while reading, so a lying Content-Length does not help), 400 for
 * anything that is not JSON, and 400 naming the field for text PostgreSQL cannot store (NUL, lone surrogates)
 * or nesting too deep to handle.
 */
export async function readJsonBody(request: Request, { maxBytes = requestBodyLimit(request) }: { maxBytes?: number } = {}): Promise<unknown> {
  const body = await readBodyBytes(request, maxBytes)
  if (!body) throw jsonError(413, { error: tooLargeMessage(maxBytes) })
  const text = body.toString('utf8')
  if (!text.trim()) throw jsonError(400, { error: 'Body required: send a JSON object' })
  const parsed = parseJsonText(text)
  if (!parsed.ok) throw parsed.unsafe ? jsonError(400, { errors: { [parsed.unsafe.path]: [parsed.unsafe.message] } }) : jsonError(400, { error: 'Body is not valid JSON' })
  return parsed.value
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; unsafe: UnsafeText | null }

/**
 * JSON text from a client (a body, or a document posted in a form field), parsed and checked: not JSON gives
 * `unsafe: null`; a string PostgreSQL cannot store, or nesting past MAX_JSON_DEPTH, gives the field's path.
 */
export function parseJsonText(text: string): ParsedJson {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, unsafe: null }
  }
  const unsafe = findUnsafeJson(value)
  return unsafe ? { ok: false, unsafe } : { ok: true, value }
}

/** Parses a JSON body with `schema`, or throws the 400/413 that names the problem. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S, options?: { maxBytes?: number }): Promise<z.output<S>> {
  const result = schema.safeParse(await readJsonBody(request, options))
  if (!result.success) throw jsonError(400, { errors: fieldErrorsOf(result.error) })
  return result.data
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A route param that must be an id: anything else is a 404 (PostgreSQL would reject it with a 500). */
export function requireIdParam(value: string | undefined, what = 'resource') {
  if (!value || !UUID.test(value)) throw jsonError(404, { error: `No such ${what}` })
  return value
}
