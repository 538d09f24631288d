import * as z from 'zod/mini'
import type { Field, FormDefinition } from './definition'
import { fillText, formatDay, formatNumber, type FormLanguage } from '#app/visitor-language/format'
import { compileFieldPattern, DEFAULT_TEXT_CAP, DEFAULT_TEXTAREA_CAP, isIsoDate, otherKeyFor, OTHER_OPTION_VALUE } from './field-rules'

// One schema per form definition, run by react-hook-form in the browser and by the submit action on the server,
// so no server imports, and zod/mini: the published pages' script bundles this file, and full zod would add
// about 450 KB to it (measured). Input is whatever a visitor can post (FormData strings, checkbox string arrays, or JSON
// numbers/booleans); output is clean typed answers. Messages are for visitors and name the field.

export type Answer = string | number | boolean | string[] | null
export type Answers = Record<string, Answer>

export const HIDDEN_CAP = 500
export const OTHER_CAP = 200
const EMAIL_CAP = 254 // RFC 5321 path limit

/**
 * Every message a visitor can read under a form field, in the page's language: the page's script (react-hook-form
 * with the schema below, given the text the page carries) and the server (the same schema, on a post with or without
 * JavaScript) both build them here from the same catalogue text, so a bad field reads the same either way (issue 17,
 * decision 073). `name` is the field's label as it reads inside a sentence; numbers and days are written the
 * locale's way.
 */
export function formMessages({ locale, text }: FormLanguage) {
  const say = (template: string, values?: Record<string, string | number>) => fillText(template, values)
  const n = (value: number) => formatNumber(locale, value)
  const day = (value: string) => formatDay(locale, value)
  return {
    required: (name: string) => say(text.required, { name }),
    singleValue: (name: string) => say(text.singleValue, { name }),
    atMostCharacters: (name: string, cap: number) => say(text.atMostCharacters, { name, cap: n(cap) }),
    atLeastCharacters: (name: string, min: number) => say(text.atLeastCharacters, { name, min: n(min) }),
    notInFormat: (name: string) => say(text.notInFormat, { name }),
    email: () => text.email,
    phone: (name: string) => say(text.phone, { name }),
    number: (name: string) => say(text.number, { name }),
    numberAtLeast: (name: string, min: number) => say(text.numberAtLeast, { name, min: n(min) }),
    numberAtMost: (name: string, max: number) => say(text.numberAtMost, { name, max: n(max) }),
    date: (name: string) => say(text.date, { name }),
    dateOnOrAfter: (name: string, min: string) => say(text.dateOnOrAfter, { name, min: day(min) }),
    dateOnOrBefore: (name: string, max: string) => say(text.dateOnOrBefore, { name, max: day(max) }),
    chooseOne: (name: string) => say(text.chooseOne, { name }),
    chooseOnlyListed: (name: string) => say(text.chooseOnlyListed, { name }),
    chooseAtLeastOne: (name: string) => say(text.chooseAtLeastOne, { name }),
    otherTooLong: (name: string, cap: number) => say(text.otherTooLong, { name, cap: n(cap) }),
    otherRequired: (name: string) => say(text.otherRequired, { name }),
  }
}
type Messages = ReturnType<typeof formMessages>

type Reading = { value: Answer } | { error: string }
const NOT_SINGLE = Symbol('not a single value')

// Control characters never belong in an answer, and PostgreSQL text columns reject NUL outright.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** One trimmed string from what a browser or JSON client sent; '' when absent; NOT_SINGLE for arrays and objects. */
function readText(raw: unknown): string | typeof NOT_SINGLE {
  if (raw === undefined || raw === null) return ''
  if (typeof raw === 'string') return raw.replace(CONTROL_CHARACTERS, '').normalize('NFC').trim()
  if ((typeof raw === 'number' && Number.isFinite(raw)) || typeof raw === 'boolean') return String(raw)
  return NOT_SINGLE
}

/** "How did you hear about us?" reads as "How did you hear about us" inside a sentence. */
function nameOf(field: Field) {
  return field.label.trim().replace(/[\s:*?]+$/, '') || field.key
}

const requiredOrNull = (field: Field, M: Messages): Reading => (field.required ? { error: M.required(nameOf(field)) } : { value: null })

function readFreeText(field: Field & { type: 'text' | 'textarea' }, raw: unknown, M: Messages): Reading {
  const value = readText(raw)
  const name = nameOf(field)
  if (value === NOT_SINGLE) return { error: M.singleValue(name) }
  if (value === '') return requiredOrNull(field, M)
  const cap = field.maxLength ?? (field.type === 'textarea' ? DEFAULT_TEXTAREA_CAP : DEFAULT_TEXT_CAP)
  if (value.length > cap) return { error: M.atMostCharacters(name, cap) }
  if (field.minLength && value.length < field.minLength) return { error: M.atLeastCharacters(name, field.minLength) }
  if (field.type === 'text' && field.pattern) {
    const pattern = compileFieldPattern(field.pattern) // null (skipped) only for a definition that bypassed the schema
    if (pattern && !pattern.test(value)) return { error: field.patternMessage || M.notInFormat(name) }
  }
  return { value }
}

const emailSchema = z.email()

function readEmail(field: Field, raw: unknown, M: Messages): Reading {
  const value = readText(raw)
  if (value === '') return requiredOrNull(field, M)
  if (value === NOT_SINGLE || value.length > EMAIL_CAP || !emailSchema.safeParse(value).success) return { error: M.email() }
  return { value: value.toLowerCase() }
}

function readPhone(field: Field, raw: unknown, M: Messages): Reading {
  const value = readText(raw)
  if (value === '') return requiredOrNull(field, M)
  const digits = value === NOT_SINGLE ? 0 : value.replace(/\D/g, '').length
  if (value === NOT_SINGLE || !/^[\d\s+()\-.]+$/.test(value) || digits < 6 || digits > 20) return { error: M.phone(nameOf(field)) }
  return { value }
}

function readNumber(field: Field & { type: 'number' }, raw: unknown, M: Messages): Reading {
  const value = typeof raw === 'number' ? raw : readText(raw)
  const name = nameOf(field)
  if (value === '') return requiredOrNull(field, M)
  // Number() alone would take '0x10' and ' ' too; only plain decimal notation is what a number input posts.
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value) ? Number(value) : NaN
  if (!Number.isFinite(number)) return { error: M.number(name) }
  if (field.min !== undefined && number < field.min) return { error: M.numberAtLeast(name, field.min) }
  if (field.max !== undefined && number > field.max) return { error: M.numberAtMost(name, field.max) }
  return { value: number }
}

function readDate(field: Field & { type: 'date' }, raw: unknown, M: Messages): Reading {
  const value = readText(raw)
  const name = nameOf(field)
  if (value === '') return requiredOrNull(field, M)
  if (value === NOT_SINGLE || !isIsoDate(value)) return { error: M.date(name) }
  if (field.min !== undefined && value < field.min) return { error: M.dateOnOrAfter(name, field.min) }
  if (field.max !== undefined && value > field.max) return { error: M.dateOnOrBefore(name, field.max) }
  return { value }
}

function readChoice(field: Field & { options: { value: string }[] }, raw: unknown, M: Messages): Reading {
  const value = readText(raw)
  if (value === '') return requiredOrNull(field, M)
  if (value === NOT_SINGLE || !field.options.some((option) => option.value === value)) return { error: M.chooseOne(nameOf(field)) }
  return { value }
}

function readCheckboxes(field: Field & { type: 'checkboxes' }, raw: unknown, M: Messages): Reading {
  // One ticked box arrives as a plain string from Object.fromEntries(formData).
  const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]
  const known = new Set(field.options.map((option) => option.value))
  const invalid = { error: M.chooseOnlyListed(nameOf(field)) }
  if (items.length > known.size * 2) return invalid // a hostile array is refused before reading a million items
  const chosen = new Set<string>()
  for (const item of items) {
    const value = readText(item)
    if (value === NOT_SINGLE || (value !== '' && !known.has(value))) return invalid
    if (value !== '') chosen.add(value)
  }
  if (chosen.size === 0) return field.required ? { error: M.chooseAtLeastOne(nameOf(field)) } : { value: [] }
  return { value: field.options.map((option) => option.value).filter((value) => chosen.has(value)) } // in the form's order
}

/** Ticked is what browsers post ('on') or what JSON clients send (true, 'true'); anything else is not consent. */
function readConsent(field: Field, raw: unknown, M: Messages): Reading {
  const value = readText(raw)
  const isTicked = raw === true || (typeof value === 'string' && ['on', 'true'].includes(value.toLowerCase()))
  return isTicked ? { value: true } : { error: M.required(nameOf(field)) }
}

/**
 * Hidden values come from the URL, which the visitor neither sees nor can fix, so an over-long one is cut to
 * HIDDEN_CAP instead of blocking the lead.
 */
function readHidden(field: Field, raw: unknown, M: Messages): Reading {
  const value = readText(raw)
  if (value === NOT_SINGLE) return { error: M.singleValue(nameOf(field)) }
  if (value === '') return requiredOrNull(field, M)
  return { value: value.slice(0, HIDDEN_CAP) }
}

function readOtherText(field: Field, raw: unknown, M: Messages): Reading {
  const value = readText(raw)
  if (value === NOT_SINGLE || value.length > OTHER_CAP) return { error: M.otherTooLong(nameOf(field), OTHER_CAP) }
  return { value: value || null }
}

function readAnswer(field: Field, raw: unknown, M: Messages): Reading {
  switch (field.type) {
    case 'email':
      return readEmail(field, raw, M)
    case 'text':
    case 'textarea':
      return readFreeText(field, raw, M)
    case 'phone':
      return readPhone(field, raw, M)
    case 'number':
      return readNumber(field, raw, M)
    case 'date':
      return readDate(field, raw, M)
    case 'select':
    case 'radio':
    case 'heard_about':
      return readChoice(field, raw, M)
    case 'checkboxes':
      return readCheckboxes(field, raw, M)
    case 'consent':
      return readConsent(field, raw, M)
    case 'hidden':
      return readHidden(field, raw, M)
  }
}

/** A zod schema for one answer; optional input so a missing key reaches the reader (as undefined) instead of failing. */
function answerSchema(read: (raw: unknown) => Reading) {
  return z.pipe(
    z.optional(z.unknown()),
    z.transform((raw, payload): Answer => {
      const reading = read(raw)
      if ('value' in reading) return reading.value
      payload.issues.push({ code: 'custom', message: reading.error, input: raw, path: [] })
      return z.NEVER
    }),
  )
}

/** The fields one post validates: all of them, or one step's for a multi-step form posted step by step. */
export function fieldsForStep(definition: FormDefinition, step?: number): Field[] {
  if (step === undefined || (!definition.steps && step === 0)) return definition.fields
  const keys = definition.steps?.[step]?.fieldKeys
  if (!keys || !Number.isInteger(step)) throw new RangeError(`This form has no step ${step}`)
  return keys.flatMap((key) => definition.fields.filter((field) => field.key === key))
}

/**
 * The schema for a submission, or for one step of it (`step` is the 0-based index into definition.steps; parse the
 * posted `_step` before calling, as an unknown step throws), with messages in `language`. Unknown keys are stripped, never errors.
 */
export function buildSubmissionSchema(definition: FormDefinition, { step, language }: { step?: number; language: FormLanguage }) {
  const fields = fieldsForStep(definition, step)
  const M = formMessages(language)
  const shape: Record<string, ReturnType<typeof answerSchema>> = {}
  for (const field of fields) {
    shape[field.key] = answerSchema((raw) => readAnswer(field, raw, M))
    if (field.type === 'heard_about') shape[otherKeyFor(field.key)] = answerSchema((raw) => readOtherText(field, raw, M))
  }
  const heardAbout = fields.filter((field) => field.type === 'heard_about')
  const checked = z.object(shape).check(
    z.superRefine(
      (answers, ctx) => {
        for (const field of heardAbout) {
          if (answers[field.key] === OTHER_OPTION_VALUE && answers[otherKeyFor(field.key)] === null)
            ctx.addIssue({ code: 'custom', path: [otherKeyFor(field.key)], message: M.otherRequired(nameOf(field)), input: answers })
        }
      },
      // Also when other answers failed, so the visitor sees every problem at once.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  )
  return z.pipe(
    checked,
    z.transform((answers): Answers => {
      // Free text typed under "Other" and then abandoned for another option is not part of the answer.
      for (const field of heardAbout) if (answers[field.key] !== OTHER_OPTION_VALUE) answers[otherKeyFor(field.key)] = null
      return answers as Answers
    }),
  )
}
export type SubmissionSchema = ReturnType<typeof buildSubmissionSchema>

export type DefaultValues = Record<string, string | string[] | boolean>

/**
 * Initial values for the rendered form: defaultValue, overridden by the prefillParam URL parameter (hidden fields
 * read their parameter, the key when none is set). Consent is never prefilled: it must be the visitor's own tick.
 */
export function defaultValuesFor(definition: FormDefinition, query: URLSearchParams): DefaultValues {
  const values: DefaultValues = {}
  for (const field of definition.fields) {
    const param = field.prefillParam ?? (field.type === 'hidden' ? field.key : undefined)
    const fromQuery = param ? readText(query.get(param)) : ''
    const prefill = fromQuery === NOT_SINGLE ? '' : fromQuery
    switch (field.type) {
      case 'consent':
        values[field.key] = false
        break
      case 'checkboxes': {
        const known = new Set(field.options.map((option) => option.value))
        const fromUrl = param ? query.getAll(param).filter((value) => known.has(value)) : []
        values[field.key] = fromUrl.length ? fromUrl : (field.defaultValue ?? [])
        break
      }
      case 'select':
      case 'radio':
      case 'heard_about':
        values[field.key] = field.options.some((option) => option.value === prefill) ? prefill : (field.defaultValue ?? '')
        if (field.type === 'heard_about') values[otherKeyFor(field.key)] = ''
        break
      default:
        values[field.key] = prefill ? prefill.slice(0, field.type === 'textarea' ? DEFAULT_TEXTAREA_CAP : HIDDEN_CAP) : String(field.defaultValue ?? '')
    }
  }
  return values
}

export type LeadIdentity = {
  email: string | null
  name: string | null
  company: string | null
  phone: string | null
  heardAbout: string | null
  heardAboutOther: string | null
}

const textOf = (answer: Answer | undefined) => (typeof answer === 'string' && answer.trim() !== '' ? answer.trim() : null)

/** Who the lead is, from the first email field and the conventional keys the starter fields use. */
export function extractLeadIdentity(answers: Answers, definition: FormDefinition): LeadIdentity {
  const keyOf = (type: Field['type']) => definition.fields.find((field) => field.type === type)?.key
  const emailKey = keyOf('email')
  const phoneKey = keyOf('phone')
  const heardAboutKey = keyOf('heard_about')
  const fullName = [textOf(answers.first_name), textOf(answers.last_name)].filter(Boolean).join(' ')
  const heardAbout = heardAboutKey ? textOf(answers[heardAboutKey]) : null
  return {
    email: emailKey ? (textOf(answers[emailKey])?.toLowerCase() ?? null) : null,
    name: textOf(answers.name) ?? textOf(answers.full_name) ?? (fullName || null),
    company: textOf(answers.company) ?? textOf(answers.company_name),
    phone: textOf(answers.phone) ?? (phoneKey ? textOf(answers[phoneKey]) : null),
    heardAbout,
    heardAboutOther: heardAboutKey && heardAbout === OTHER_OPTION_VALUE ? textOf(answers[otherKeyFor(heardAboutKey)]) : null,
  }
}
