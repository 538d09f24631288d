import { data } from '@remix-run/node'
import { z } from 'zod'

export type FormErrors = { fieldErrors: Record<string, string[] | undefined>; formErrors: string[] }

/** `{ errors }` with status 400: what every action answers when its input is wrong. */
export function badRequest(errors: Partial<FormErrors>) {
  return data({ errors: { fieldErrors: {}, formErrors: [], ...errors } }, { status: 400 })
}

/**
 * Reads the request's form body and validates it with the same schema the browser used.
 * Anything but a readable form body is a 400 that says so, never a 500.
 * Fields named in `multiple` (checkbox groups) arrive as arrays of every value sent, empty when none was.
 */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S, { multiple = [] }: { multiple?: string[] } = {}) {
  let formData: FormData
  try {
    formData = await request.formData()
  } catch {
    return { ok: false as const, response: badRequest({ formErrors: ['Expected a form submission (form-encoded body)'] }) }
  }
  const values: Record<string, unknown> = Object.fromEntries([...formData.keys()].map((k) => [k, formData.get(k)]))
  for (const name of multiple) values[name] = formData.getAll(name)
  const result = schema.safeParse(values)
  if (!result.success) {
    const flat = z.flattenError(result.error)
    return { ok: false as const, response: badRequest(flat as FormErrors) }
  }
  return { ok: true as const, data: result.data as z.output<S>, formData }
}
