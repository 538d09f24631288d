import type { z } from 'zod'
import { readBodyBytes } from '#app/http/body.server'
import { fieldErrorsOf } from '#app/http/field-errors'

/** A JSON error response; API errors always carry `error` (one message) or `errors` (per field). */
export function jsonError(status: number, body: { error: string } | { errors: Record<string, string[]> }, headers?: HeadersInit) {
  return Response.json(body, { status, headers })
}

/**
 * The request's JSON body, or a thrown 4xx that says what is wrong with it: 413 past `maxBytes`
 * (checked while reading, so a lying Content-Length does not help), 400 for anything that is not JSON.
 */
export async function readJsonBody(request: Request, { maxBytes = 64 * 1024 }: { maxBytes?: number } = {}): Promise<unknown> {
  const body = await readBodyBytes(request, maxBytes)
  if (!body) throw jsonError(413, { error: `Body too large: at most ${maxBytes} bytes` })
  const text = body.toString('utf8')
  if (!text.trim()) throw jsonError(400, { error: 'Body required: send a JSON object' })
  try {
    return JSON.parse(text)
  } catch {
    throw jsonError(400, { error: 'Body is not valid JSON' })
  }
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
