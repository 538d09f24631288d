import { data } from '@remix-run/node'
import { z } from 'zod'
import { readBodyBytes, requestBodyLimit } from '#app/http/body.server'
import { tooLargeMessage } from '#app/http/body-limits'
import { findUnsafeEntry } from '#app/http/unsafe-text'

export type FormErrors = { fieldErrors: Record<string, string[] | undefined>; formErrors: string[] }

/** `{ errors }` with status 400: what every action answers when its input is wrong. */
export function badRequest(errors: Partial<FormErrors>) {
  return formProblem(400, errors)
}

function formProblem(status: 400 | 413, errors: Partial<FormErrors>) {
  const body: FormErrors = { fieldErrors: {}, formErrors: [], ...errors }
  return data({ errors: body }, { status })
}

/**
 * Reads the request's form body and validates it with the same schema the browser used.
 * Anything but a readable form body is a 400 that says so, never a 500; a body past the route's limit
 * (body-limits.ts) is a 413, and a field PostgreSQL could not store (a NUL) a 400 naming it.
 * Fields named in `multiple` (checkbox groups) arrive as arrays of every value sent, empty when none was.
 */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S, { multiple = [] }: { multiple?: string[] } = {}) {
  const read = await readForm(request)
  if (!read.ok) return read
  return parseFormData(read.formData, schema, { multiple })
}

/** The request's form body, read within the route's limit and checked for text that cannot be stored. */
export async function readForm(request: Request, { maxBytes = requestBodyLimit(request) }: { maxBytes?: number } = {}) {
  const body = await readBodyBytes(request, maxBytes)
  if (!body) return { ok: false as const, response: formProblem(413, { formErrors: [tooLargeMessage(maxBytes)] }) }
  let formData: FormData
  try {
    const contentType = request.headers.get('Content-Type') ?? 'application/x-www-form-urlencoded'
    formData = await new Response(new Uint8Array(body), { headers: { 'Content-Type': contentType } }).formData()
  } catch {
    return { ok: false as const, response: badRequest({ formErrors: ['Expected a form submission (form-encoded body)'] }) }
  }
  const unsafe = findUnsafeEntry(formData.entries())
  if (unsafe) return { ok: false as const, response: badRequest({ fieldErrors: { [unsafe.path]: [unsafe.message] } }) }
  return { ok: true as const, formData }
}

/** Validates form data already read (readForm) with `schema`; see parseForm. */
export function parseFormData<S extends z.ZodType>(formData: FormData, schema: S, { multiple = [] }: { multiple?: string[] } = {}) {
  const values: Record<string, unknown> = Object.fromEntries([...formData.keys()].map((k) => [k, formData.get(k)]))
  for (const name of multiple) values[name] = formData.getAll(name)
  const result = schema.safeParse(values)
  if (!result.success) {
    const flat = z.flattenError(result.error)
    return { ok: false as const, response: badRequest(flat as FormErrors) }
  }
  return { ok: true as const, data: result.data as z.output<S>, formData }
}
