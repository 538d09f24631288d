import { zodResolver } from '@hookform/resolvers/zod'
import { describe, expect, test } from 'vitest'
import { FormDefinitionSchema, type FieldInput } from './definition'
import { formLanguageFor } from '#app/visitor-language/catalogue'

const ENGLISH_FORM = formLanguageFor('en')
import { buildSubmissionSchema, defaultValuesFor, extractLeadIdentity, fieldsForStep, type Answers } from './validation'

const options = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }))

function formOf(fields: FieldInput[], steps?: string[][]) {
  return FormDefinitionSchema.parse({
    fields,
    steps: steps?.map((fieldKeys, i) => ({ title: `Step ${i + 1}`, fieldKeys })),
    conversionType: 'hard',
    purpose: 'demo_request',
  })
}

/** Validates one field's posted value: `{ value }` on success, else `{ errors }` keyed like react-hook-form. */
function submit(field: FieldInput, raw: unknown) {
  const result = buildSubmissionSchema(formOf([field]), { language: ENGLISH_FORM }).safeParse(raw === undefined ? {} : { [field.key]: raw })
  if (result.success) return { value: result.data[field.key] }
  return { errors: Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message])) }
}

const fields = {
  email: { type: 'email', key: 'email', label: 'Work email', required: true },
  optionalEmail: { type: 'email', key: 'email', label: 'Email' },
  text: { type: 'text', key: 'name', label: 'Name', required: true },
  shortText: { type: 'text', key: 'code', label: 'Code', minLength: 3, maxLength: 6, pattern: '[A-Z]+\\d*', patternMessage: 'Use capitals, then digits' },
  textarea: { type: 'textarea', key: 'message', label: 'Message' },
  phone: { type: 'phone', key: 'phone', label: 'Phone', required: true },
  number: { type: 'number', key: 'seats', label: 'Seats', min: 1, max: 500 },
  select: { type: 'select', key: 'size', label: 'Company size', required: true, options: options('small', 'large') },
  radio: { type: 'radio', key: 'plan', label: 'Plan', options: options('a', 'b') },
  checkboxes: { type: 'checkboxes', key: 'topics', label: 'Topics', required: true, options: options('ai', 'ml', 'ops') },
  optionalCheckboxes: { type: 'checkboxes', key: 'topics', label: 'Topics', options: options('ai', 'ml') },
  consent: { type: 'consent', key: 'consent', label: 'Consent', consentText: 'I agree.' },
  date: { type: 'date', key: 'day', label: 'Preferred day', min: '2025-01-01', max: '2025-12-31' },
  hidden: { type: 'hidden', key: 'campaign', label: 'Campaign' },
  heardAbout: { type: 'heard_about', key: 'source', label: 'How did you hear about us?', required: true },
} satisfies Record<string, FieldInput>

/** Rows as [type, posted value shortened] + the row, so test names stay readable. */
const named = <T extends unknown[]>(rows: [FieldInput, unknown, ...T][]) =>
  rows.map((row) => [row[0].type, JSON.stringify(row[1])?.slice(0, 40) ?? 'nothing', ...row] as [string, string, FieldInput, unknown, ...T])

describe('valid submissions give clean typed answers', () => {
  test.each(
    named<[unknown]>([
      [fields.email, '  Ada@Example.COM ', 'ada@example.com'],
      [fields.optionalEmail, '', null],
      [fields.optionalEmail, undefined, null],
      [fields.text, '  Ada Lovelace ', 'Ada Lovelace'],
      [fields.text, 42, '42'], // a JSON client's number is fine as text
      [fields.text, 'x'.repeat(200), 'x'.repeat(200)],
      [fields.shortText, 'AB12', 'AB12'],
      [fields.textarea, 'Hello\r\nthere', 'Hello\r\nthere'],
      [fields.textarea, 'y'.repeat(2000), 'y'.repeat(2000)],
      [fields.textarea, '', null],
      [fields.phone, '+49 (30) 123-4567', '+49 (30) 123-4567'],
      [fields.number, '12', 12],
      [fields.number, 12.5, 12.5],
      [fields.number, ' 1e2 ', 100],
      [fields.number, '', null],
      [fields.select, 'large', 'large'],
      [fields.radio, 'a', 'a'],
      [fields.radio, '', null],
      [fields.checkboxes, ['ops', 'ai', 'ai'], ['ai', 'ops']],
      [fields.checkboxes, 'ml', ['ml']], // a single ticked box arrives as a string from Object.fromEntries
      [fields.optionalCheckboxes, undefined, []],
      [fields.consent, 'on', true],
      [fields.consent, true, true],
      [fields.consent, 'TRUE', true],
      [fields.date, '2025-06-30', '2025-06-30'],
      [fields.date, '', null],
      [fields.hidden, 'spring-launch', 'spring-launch'],
      [fields.hidden, 'z'.repeat(600), 'z'.repeat(500)], // from the URL, which the visitor cannot fix: cut, not refused
      [fields.heardAbout, 'podcast', 'podcast'],
    ]),
  )('%s accepts %s', (_type, _raw, field, raw, expected) => {
    expect(submit(field, raw)).toEqual({ value: expected })
  })
})

describe('invalid submissions fail with messages naming the field', () => {
  test.each(
    named<[string]>([
      [fields.email, '', 'Work email is required'],
      [fields.email, 'ada@', 'Enter a valid email address'],
      [fields.email, 'ada@example.com<script>', 'Enter a valid email address'],
      [fields.email, `${'a'.repeat(250)}@example.com`, 'Enter a valid email address'],
      [fields.text, '   ', 'Name is required'],
      [fields.text, 'x'.repeat(201), 'Name must be at most 200 characters'],
      [fields.shortText, 'AB', 'Code must be at least 3 characters'],
      [fields.shortText, 'ABCDEFG', 'Code must be at most 6 characters'],
      [fields.shortText, 'ab12', 'Use capitals, then digits'],
      [fields.textarea, 'y'.repeat(2001), 'Message must be at most 2,000 characters'],
      [fields.phone, '12345', 'Phone must be a phone number with 6 to 20 digits'],
      [fields.phone, '1'.repeat(21), 'Phone must be a phone number with 6 to 20 digits'],
      [fields.phone, 'call me: 555 1234', 'Phone must be a phone number with 6 to 20 digits'],
      [fields.number, 'twelve', 'Seats must be a number'],
      [fields.number, '0x10', 'Seats must be a number'],
      [fields.number, '1e400', 'Seats must be a number'],
      [fields.number, Number.NaN, 'Seats must be a number'],
      [fields.number, '0', 'Seats must be at least 1'],
      [fields.number, 501, 'Seats must be at most 500'],
      [fields.select, 'medium', 'Choose one of the options for Company size'],
      [fields.select, '', 'Company size is required'],
      [fields.checkboxes, [], 'Choose at least one option for Topics'],
      [fields.checkboxes, ['ai', 'quantum'], 'Choose only from the options for Topics'],
      [fields.consent, undefined, 'Consent is required'],
      [fields.consent, 'false', 'Consent is required'],
      [fields.consent, false, 'Consent is required'],
      [fields.consent, 'yes please', 'Consent is required'],
      [fields.date, '31/01/2025', 'Preferred day must be a date like 2025-01-31'],
      [fields.date, '2025-02-30', 'Preferred day must be a date like 2025-01-31'],
      [fields.date, '2024-12-31', 'Preferred day must be on or after January 1, 2025'],
      [fields.date, '2026-01-01', 'Preferred day must be on or before December 31, 2025'],
      [fields.heardAbout, '', 'How did you hear about us is required'],
      [fields.heardAbout, 'carrier pigeon', 'Choose one of the options for How did you hear about us'],
    ]),
  )('%s refuses %s', (_type, _raw, field, raw, message) => {
    const { errors } = submit(field, raw)
    expect(errors?.[field.key]).toBe(message)
  })
})

describe('hostile input never throws', () => {
  const everyField = Object.values(fields).filter((field, i, all) => all.findIndex((f) => f.key === field.key) === i)
  const definition = formOf(everyField as FieldInput[])
  const schema = buildSubmissionSchema(definition, { language: ENGLISH_FORM })
  const hostileValues = [
    'x'.repeat(1_000_000),
    ['a', 'b'],
    Array.from({ length: 100_000 }, () => 'ai'),
    { toString: 'boom' },
    Object.create(null),
    '<script>alert(1)</script>',
    '\u0000\u202e\ud800 zalgo z̷̢̛a̸l̶g̵o̴',
    Symbol('s'),
    () => 1,
    10n,
    -Infinity,
    new Date(),
  ]

  test.each(hostileValues.map((value) => [typeof value === 'string' ? value.slice(0, 20) : typeof value, value]))('every field given %s', (_name, value) => {
    const posted = Object.fromEntries([...everyField.map((field) => field.key), 'source_other'].map((key) => [key, value]))
    const started = performance.now()
    const result = schema.safeParse(posted)
    expect(performance.now() - started).toBeLessThan(1000)
    if (!result.success) for (const issue of result.error.issues) expect(issue.message).toMatch(/^[A-Z]/)
  })

  test('non-objects fail as a whole', () => {
    for (const junk of [null, 'email=a', 42, [1, 2]]) expect(schema.safeParse(junk).success).toBe(false)
  })

  test('HTML is kept as text (React escapes it), control characters are dropped', () => {
    expect(submit(fields.text, '<b>Ada</b>')).toEqual({ value: '<b>Ada</b>' })
    expect(submit(fields.text, 'A\u0000d\u0007a')).toEqual({ value: 'Ada' })
    expect(submit(fields.text, ['Ada'])).toEqual({ errors: { name: 'Name must be a single value' } })
  })

  test('a catastrophic pattern smuggled past the definition schema is ignored, not run', () => {
    const field = { ...fields.text, pattern: '(a+)+$' }
    const definition = { ...formOf([fields.text]), fields: [field as never] }
    expect(buildSubmissionSchema(definition, { language: ENGLISH_FORM }).safeParse({ name: `${'a'.repeat(100)}!` }).success).toBe(true)
  })
})

describe('whole submissions', () => {
  const definition = formOf([fields.email, fields.text, fields.heardAbout, fields.consent])

  test('unknown keys are stripped, and every error is reported at once', () => {
    const schema = buildSubmissionSchema(definition, { language: ENGLISH_FORM })
    expect(schema.parse({ email: 'a@b.co', name: 'Ada', source: 'event', consent: 'on', _hp: '', admin: 'true' })).toEqual({
      email: 'a@b.co',
      name: 'Ada',
      source: 'event',
      source_other: null,
      consent: true,
    })
    const result = schema.safeParse({ source: 'other' })
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['email', 'name', 'consent', 'source_other'])
  })

  test('"Other" asks for the free text, capped at 200 characters', () => {
    const schema = buildSubmissionSchema(definition, { language: ENGLISH_FORM })
    const answers = { email: 'a@b.co', name: 'Ada', consent: 'on' }
    expect(schema.parse({ ...answers, source: 'other', source_other: ' a meetup ' })).toMatchObject({ source: 'other', source_other: 'a meetup' })
    expect(schema.safeParse({ ...answers, source: 'other', source_other: ' ' }).error?.issues[0]).toMatchObject({
      path: ['source_other'],
      message: 'Tell us where you heard about us (How did you hear about us: Other)',
    })
    expect(schema.safeParse({ ...answers, source: 'other', source_other: 'x'.repeat(201) }).success).toBe(false)
    expect(schema.parse({ ...answers, source: 'event', source_other: 'abandoned' }).source_other).toBeNull()
  })

  test('each step of a multi-step form validates only its own fields', () => {
    const multi = formOf([fields.email, fields.text, fields.heardAbout, fields.consent], [['email'], ['name', 'source', 'consent']])
    expect(buildSubmissionSchema(multi, { step: 0, language: ENGLISH_FORM }).parse({ email: 'a@b.co', name: '' })).toEqual({ email: 'a@b.co' })
    const second = buildSubmissionSchema(multi, { step: 1, language: ENGLISH_FORM }).safeParse({ email: 'not checked here' })
    expect(second.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['name', 'source', 'consent'])
    expect(() => buildSubmissionSchema(multi, { step: 2, language: ENGLISH_FORM })).toThrow(RangeError)
    expect(() => buildSubmissionSchema(multi, { step: 0.5, language: ENGLISH_FORM })).toThrow(RangeError)
    expect(fieldsForStep(definition, 0)).toHaveLength(4) // a single-step form is its own step 0
  })
})

test('the same schema drives react-hook-form in the browser', async () => {
  const schema = buildSubmissionSchema(formOf([fields.email, fields.consent]), { language: ENGLISH_FORM })
  const resolve = zodResolver(schema)
  const options = { fields: {}, shouldUseNativeValidation: false }
  expect(await resolve({ email: ' Ada@Example.com', consent: true }, undefined, options)).toEqual({ values: { email: 'ada@example.com', consent: true }, errors: {} })
  const failed = await resolve({ email: 'nope', consent: false }, undefined, options)
  expect(failed.errors).toMatchObject({ email: { message: 'Enter a valid email address' }, consent: { message: 'Consent is required' } })
})

describe('default values', () => {
  const definition = formOf([
    { ...fields.email, prefillParam: 'email' },
    { ...fields.text, defaultValue: 'Someone' },
    { ...fields.select, prefillParam: 'size', defaultValue: 'small' },
    { ...fields.checkboxes, prefillParam: 'topic' },
    { ...fields.number, defaultValue: 5 },
    { ...fields.consent, prefillParam: 'consent' },
    fields.hidden,
    { type: 'hidden', key: 'gclid_copy', label: 'Click id', prefillParam: 'gclid', defaultValue: 'none' },
    fields.heardAbout,
  ])

  test('defaultValue, overridden by the prefill parameter; hidden fields read theirs', () => {
    const query = new URLSearchParams('email=ada%40example.com&size=large&topic=ml&topic=bogus&topic=ai&consent=on&campaign=spring&utm_source=x')
    expect(defaultValuesFor(definition, query)).toEqual({
      email: 'ada@example.com',
      name: 'Someone',
      size: 'large',
      topics: ['ml', 'ai'],
      seats: '5',
      consent: false, // never pre-ticked, even from the URL
      campaign: 'spring',
      gclid_copy: 'none',
      source: '',
      source_other: '',
    })
  })

  test('a prefill that is not an option falls back to the default; long values are cut', () => {
    const values = defaultValuesFor(definition, new URLSearchParams({ size: 'galactic', campaign: 'c'.repeat(900) }))
    expect(values.size).toBe('small')
    expect(values.campaign).toHaveLength(500)
  })
})

describe('lead identity', () => {
  const definition = formOf([{ type: 'email', key: 'work_email', label: 'Work email' }, { type: 'phone', key: 'mobile', label: 'Mobile' }, fields.heardAbout])

  test('finds the email field and the conventional keys', () => {
    const answers: Answers = {
      work_email: 'ada@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      company_name: 'Analytical',
      mobile: '+44 20 7946 0000',
      source: 'other',
      source_other: 'a meetup',
    }
    expect(extractLeadIdentity(answers, definition)).toEqual({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      company: 'Analytical',
      phone: '+44 20 7946 0000',
      heardAbout: 'other',
      heardAboutOther: 'a meetup',
    })
  })

  test('name beats full_name beats first/last; missing parts are null', () => {
    expect(extractLeadIdentity({ name: 'A', full_name: 'B', first_name: 'C' }, definition).name).toBe('A')
    expect(extractLeadIdentity({ full_name: 'B', first_name: 'C' }, definition).name).toBe('B')
    expect(extractLeadIdentity({ last_name: 'Lovelace' }, definition).name).toBe('Lovelace')
    expect(extractLeadIdentity({ source: 'event', source_other: 'stale' }, definition)).toEqual({
      email: null,
      name: null,
      company: null,
      phone: null,
      heardAbout: 'event',
      heardAboutOther: null,
    })
  })
})
