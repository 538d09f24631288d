import { otherKeyFor, type FormDefinition } from '#app/forms/definition'
import type { DefaultValues } from '#app/forms/validation'
import { findUnsafeJson, replaceUnsafeText } from '#app/http/unsafe-text'

// Pure helpers for reading a posted submission: the body as an object, the step it is at, and the typed
// values to show again when it comes back with errors. No I/O, so they are unit-tested directly.

export type SubmissionBody = Record<string, unknown>
export type BodyResult = { ok: true; body: SubmissionBody } | { ok: false; message: string }

const MAX_KEYS = 500

/** Form posts (urlencoded or multipart, repeated names become lists) and JSON objects; anything else is refused. */
export async function parseSubmissionBody(contentType: string | undefined, raw: Buffer): Promise<BodyResult> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'application/json') {
    let parsed: unknown
    try {
      parsed = JSON.parse(raw.toString('utf8'))
    } catch {
      return { ok: false, message: 'The body is not valid JSON' }
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, message: 'The body must be a JSON object of answers' }
    if (Object.keys(parsed).length > MAX_KEYS) return { ok: false, message: `Send at most ${MAX_KEYS} fields` }
    return { ok: true, body: parsed as SubmissionBody }
  }
  let entries: Iterable<[string, FormDataEntryValue | string]>
  if (type === 'application/x-www-form-urlencoded' || type === '') entries = new URLSearchParams(raw.toString('utf8'))
  else if (type === 'multipart/form-data') {
    try {
      entries = await new Response(new Uint8Array(raw), { headers: { 'Content-Type': contentType! } }).formData()
    } catch {
      return { ok: false, message: 'The multipart body could not be read' }
    }
  } else return { ok: false, message: 'Send the form as application/x-www-form-urlencoded, multipart/form-data or application/json' }
  const body: Record<string, string | string[]> = Object.create(null)
  let keys = 0
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue // files are not answers
    const current = body[name]
    if (current === undefined) {
      if (++keys > MAX_KEYS) return { ok: false, message: `Send at most ${MAX_KEYS} fields` }
      body[name] = value
    } else body[name] = Array.isArray(current) ? [...current, value] : [current, value]
  }
  return { ok: true, body: { ...body } }
}

/** The 0-based step a multi-step post is at; undefined when the form has no steps or the value is unusable. */
export function readStep(definition: FormDefinition, raw: unknown): number | undefined {
  if (!definition.steps) return undefined
  const step = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,2}$/.test(raw) ? Number(raw) : NaN
  return Number.isInteger(step) && step >= 0 && step < definition.steps.length ? step : undefined
}

const SHOWN_CAP = 10_000
// Text that could not be stored is shown with U+FFFD in place of the offending characters.
const asText = (value: unknown) => (typeof value === 'string' ? replaceUnsafeText(value.slice(0, SHOWN_CAP)) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '')

/** What the visitor typed, to render the form again with it (never trusted: it is only shown, escaped). */
export function submittedValues(definition: FormDefinition, body: SubmissionBody): DefaultValues {
  const values: DefaultValues = {}
  for (const field of definition.fields) {
    const raw = body[field.key]
    if (field.type === 'checkboxes') values[field.key] = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(asText).slice(0, 100)
    else if (field.type === 'consent') values[field.key] = raw === true || (typeof raw === 'string' && ['on', 'true'].includes(raw.toLowerCase()))
    else values[field.key] = asText(Array.isArray(raw) ? raw[0] : raw)
    if (field.type === 'heard_about') values[otherKeyFor(field.key)] = asText(body[otherKeyFor(field.key)])
  }
  return values
}

/** The values of fields outside `step`, carried as hidden inputs while a no-JS visitor moves between steps. */
export function carriedValues(definition: FormDefinition, values: DefaultValues, step: number): DefaultValues {
  const inStep = new Set(definition.steps?.[step]?.fieldKeys ?? [])
  const carried: DefaultValues = {}
  for (const field of definition.fields) {
    if (inStep.has(field.key)) continue
    carried[field.key] = values[field.key]!
    if (field.type === 'heard_about') carried[otherKeyFor(field.key)] = values[otherKeyFor(field.key)]!
  }
  return carried
}

/** The step holding the first field with an error, so a no-JS visitor lands where the problem is. */
export function stepOfFirstError(definition: FormDefinition, errors: Record<string, unknown>): number {
  const steps = definition.steps ?? []
  const index = steps.findIndex((step) => step.fieldKeys.some((key) => key in errors || otherKeyFor(key) in errors))
  return Math.max(0, index)
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/
export const IDEMPOTENCY_KEY_RULE = '16 to 64 characters, each a letter, a digit, "_" or "-"'

export type IdempotencyKey = { ok: true; key: string | null } | { ok: false; message: string }

/**
 * The posted idempotency key (`_idem`): null when none was sent (the submission is then taken as new), the key
 * when well-formed. Anything else is refused rather than replaced: a replaced key would make every retry of the
 * same submission a new conversion.
 */
export function readIdempotencyKey(raw: unknown): IdempotencyKey {
  if (raw === undefined || raw === null) return { ok: true, key: null }
  if (typeof raw === 'string' && IDEMPOTENCY_KEY.test(raw)) return { ok: true, key: raw }
  return { ok: false, message: `The idempotency key must be ${IDEMPOTENCY_KEY_RULE}, or left out` }
}

/**
 * The field a value that cannot be stored arrived in (a lone surrogate, nesting past MAX_JSON_DEPTH), with the
 * problem; null when every value can be stored. "interests.1" is reported as the field "interests". NUL is
 * let through: the answers' schema drops control characters (a stray one pasted by a visitor costs no lead).
 */
export function unsafeFieldOf(body: SubmissionBody): { field: string; message: string } | null {
  const unsafe = findUnsafeJson(body, { allowNul: true })
  return unsafe ? { field: unsafe.path.split('.')[0]!, message: unsafe.message } : null
}
