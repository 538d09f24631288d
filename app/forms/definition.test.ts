import { describe, expect, test } from 'vitest'
import { compileFieldPattern, FIELD_TYPES, FieldSchema, FormDefinitionSchema, isIsoDate, SuccessActionSchema, validateFormDefinition, type FieldInput } from './definition'
import { conversionTypeFor, PURPOSE_IDS, PURPOSES, starterFields } from './purposes'

const email: FieldInput = { type: 'email', key: 'email', label: 'Work email', required: true }
const consent: FieldInput = { type: 'consent', key: 'consent', label: 'Consent', consentText: 'I agree to be contacted.' }
const base = { conversionType: 'hard', purpose: 'demo_request', success: { type: 'message', message: 'Thanks!' }, submitLabel: 'Book a demo' }
const form = (fields: unknown[], extra: Record<string, unknown> = {}) => ({ ...base, fields, ...extra })

function errorsOf(json: unknown) {
  const result = validateFormDefinition(json)
  if (result.ok) throw new Error('expected the definition to be refused')
  return result.errors
}

describe('fields', () => {
  test('every field type parses with sensible defaults', () => {
    const fields: FieldInput[] = [
      email,
      { type: 'text', key: 'name', label: 'Name', minLength: 2, maxLength: 80, pattern: '[A-Za-z ]+', patternMessage: 'Letters only' },
      { type: 'textarea', key: 'message', label: 'Message', maxLength: 5000 },
      { type: 'phone', key: 'phone', label: 'Phone' },
      { type: 'number', key: 'seats', label: 'Seats', min: 1, max: 500, defaultValue: 10 },
      { type: 'select', key: 'size', label: 'Size', options: [{ value: 'small', label: 'Small' }], defaultValue: 'small' },
      {
        type: 'radio',
        key: 'plan',
        label: 'Plan',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      { type: 'checkboxes', key: 'topics', label: 'Topics', options: [{ value: 'ai', label: 'AI' }], defaultValue: ['ai'] },
      consent,
      { type: 'date', key: 'day', label: 'Day', min: '2025-01-01', max: '2025-12-31' },
      { type: 'hidden', key: 'campaign', label: 'Campaign', prefillParam: 'utm_campaign' },
      { type: 'heard_about', key: 'source', label: 'How did you hear about us?' },
    ]
    const result = validateFormDefinition(form(fields))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [first, , , , , , , , consentField, , , heardAbout] = result.definition.fields
    expect(first.required).toBe(true)
    expect(result.definition.fields[1].required).toBe(false) // default
    expect(consentField.required).toBe(true) // consent is always required
    expect(heardAbout.type === 'heard_about' && heardAbout.options.map((o) => o.label)).toEqual(['Search engine', 'Social media', 'Friend or colleague', 'Podcast', 'Event', 'Newsletter', 'Other'])
  })

  test.each([
    ['uppercase key', { ...email, key: 'Email' }, 'key'],
    ['key with a dash', { ...email, key: 'e-mail' }, 'key'],
    ['key starting with a digit', { ...email, key: '1email' }, 'key'],
    ['41-character key', { ...email, key: 'a'.repeat(41) }, 'key'],
    ['reserved key', { ...email, key: '_form' }, 'key'],
    ['empty label', { ...email, label: '  ' }, 'label'],
    ['201-character label', { ...email, label: 'x'.repeat(201) }, 'label'],
    ['501-character help', { ...email, help: 'x'.repeat(501) }, 'help'],
    ['unknown type', { ...email, type: 'teleport' }, 'type'],
    ['bad prefill parameter', { ...email, prefillParam: 'a b' }, 'prefillParam'],
    ['minLength above maxLength', { type: 'text', key: 't', label: 'T', minLength: 10, maxLength: 5 }, 'minLength'],
    ['text maxLength above its cap', { type: 'text', key: 't', label: 'T', maxLength: 501 }, 'maxLength'],
    ['default longer than the default cap', { type: 'text', key: 't', label: 'T', defaultValue: 'x'.repeat(201) }, 'defaultValue'],
    ['invalid regex', { type: 'text', key: 't', label: 'T', pattern: '[a-' }, 'pattern'],
    ['catastrophic regex', { type: 'text', key: 't', label: 'T', pattern: '(a+)+$' }, 'pattern'],
    ['overlong regex', { type: 'text', key: 't', label: 'T', pattern: 'a'.repeat(201) }, 'pattern'],
    ['number min above max', { type: 'number', key: 'n', label: 'N', min: 5, max: 1 }, 'max'],
    ['number default out of range', { type: 'number', key: 'n', label: 'N', max: 3, defaultValue: 4 }, 'defaultValue'],
    ['infinite number bound', { type: 'number', key: 'n', label: 'N', max: Infinity }, 'max'],
    ['date not ISO', { type: 'date', key: 'd', label: 'D', min: '01/02/2025' }, 'min'],
    ['impossible date', { type: 'date', key: 'd', label: 'D', max: '2025-02-30' }, 'max'],
    ['date min after max', { type: 'date', key: 'd', label: 'D', min: '2025-02-01', max: '2025-01-01' }, 'max'],
    ['select without options', { type: 'select', key: 's', label: 'S', options: [] }, 'options'],
    ['51 options', { type: 'radio', key: 's', label: 'S', options: Array.from({ length: 51 }, (_, i) => ({ value: `v${i}`, label: `L${i}` })) }, 'options'],
    [
      'duplicate option values',
      {
        type: 'select',
        key: 's',
        label: 'S',
        options: [
          { value: 'a', label: 'A' },
          { value: 'a', label: 'B' },
        ],
      },
      'options.1.value',
    ],
    ['default not an option', { type: 'select', key: 's', label: 'S', options: [{ value: 'a', label: 'A' }], defaultValue: 'b' }, 'defaultValue'],
    ['checkbox default not an option', { type: 'checkboxes', key: 's', label: 'S', options: [{ value: 'a', label: 'A' }], defaultValue: ['a', 'z'] }, 'defaultValue'],
    ['consent without text', { type: 'consent', key: 'c', label: 'C' }, 'consentText'],
    ['optional consent', { ...consent, required: false }, 'required'],
  ])('refuses %s', (_name, field, path) => {
    expect(Object.keys(errorsOf(form([field])))).toContain(`fields.0.${path}`)
  })

  test('FIELD_TYPES lists exactly the types FieldSchema accepts', () => {
    const minimal = { key: 'k', label: 'L', options: [{ value: 'a', label: 'A' }], consentText: 'I agree.' }
    for (const type of FIELD_TYPES) expect(FieldSchema.safeParse({ ...minimal, type }).success, type).toBe(true)
  })

  test('each field parses on its own through FieldSchema', () => {
    expect(FieldSchema.safeParse(email).success).toBe(true)
    expect(FieldSchema.safeParse({ ...email, options: 'ignored' }).success).toBe(true) // unknown props are stripped
    expect(FieldSchema.safeParse(null).success).toBe(false)
  })
})

describe('patterns', () => {
  test('compile anchored, as the browser pattern attribute does', () => {
    const pattern = compileFieldPattern('[A-Z]{2}\\d{4}')!
    expect(pattern.test('AB1234')).toBe(true)
    expect(pattern.test('xAB1234')).toBe(false)
  })

  test.each(['(a+)+', '(a*)*b', '(.*)+', '(\\d+)*', '(a|aa)+', '((ab)+c)*', '(a+){2,}', '(a+){3}', '(x)\\1', '.*.*.*.*x', '\\d+\\d{1,9}\\d*\\d+'])('refuses risky %s', (source) => {
    expect(compileFieldPattern(source)).toBeNull()
  })

  test.each(['\\d+', '[a-z]+(-[a-z]+)?', '(ab)+', '[(a+)+]', 'https?://.+', '\\(\\d+\\)+', '(DE|AT|CH)\\d{8}', '[a-z]+@[a-z]+\\.[a-z]{2,}', '[A-Z]{2}\\d{2}[A-Z]{4}\\d{6}'])(
    'accepts ordinary %s',
    (source) => {
      expect(compileFieldPattern(source)).not.toBeNull()
    },
  )
})

describe('forms', () => {
  test('keys are unique, including the _other a heard_about field posts', () => {
    expect(errorsOf(form([email, { ...email, label: 'Again' }]))['fields.1.key']).toEqual(['"email" is already used by field 1'])
    const clash = form([
      { type: 'heard_about', key: 'source', label: 'Source' },
      { type: 'text', key: 'source_other', label: 'X' },
    ])
    expect(Object.keys(errorsOf(clash))).toEqual(['fields.1.key'])
  })

  test('at most 50 fields, at least one', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ type: 'text', key: `f${i}`, label: `F${i}` }))
    expect(errorsOf(form(many)).fields).toBeDefined()
    expect(errorsOf(form([])).fields).toBeDefined()
    expect(validateFormDefinition(form(many.slice(0, 50))).ok).toBe(true)
  })

  test('steps put every field in exactly one step', () => {
    const fields = [email, { type: 'text', key: 'name', label: 'Name' }, consent]
    const steps = (...keys: string[][]) => form(fields, { steps: keys.map((fieldKeys, i) => ({ title: `Step ${i + 1}`, fieldKeys })) })
    expect(validateFormDefinition(steps(['email'], ['name', 'consent'])).ok).toBe(true)
    expect(errorsOf(steps(['email'], ['name'])).steps).toEqual(['Put every field in a step; missing: consent'])
    expect(errorsOf(steps(['email', 'name'], ['name', 'consent']))['steps.1.fieldKeys.0']).toEqual(['"name" is already in step 1'])
    expect(errorsOf(steps(['email', 'name'], ['consent', 'ghost']))['steps.1.fieldKeys.1']).toEqual(['No field has the key "ghost"'])
    expect(errorsOf(steps(['email', 'name', 'consent'])).steps).toBeDefined() // one step is not multi-step
    expect(errorsOf(steps(...Array.from({ length: 11 }, () => ['email']))).steps).toBeDefined()
  })

  test('conversion type, purpose and the button label', () => {
    expect(Object.keys(errorsOf({ ...form([email]), conversionType: 'lukewarm', purpose: 'vibes' }))).toEqual(['conversionType', 'purpose'])
    expect(errorsOf({ ...form([email]), submitLabel: 'x'.repeat(61) }).submitLabel).toBeDefined()
    const { submitLabel: _label, success: _success, ...minimal } = form([email])
    const parsed = FormDefinitionSchema.parse(minimal)
    expect(parsed.submitLabel).toBe('Submit')
    expect(parsed.success).toEqual({ type: 'message', message: expect.any(String) })
  })

  test('minFillSeconds is a small whole number', () => {
    expect(validateFormDefinition(form([email], { minFillSeconds: 3 })).ok).toBe(true)
    expect(errorsOf(form([email], { minFillSeconds: -1 })).minFillSeconds).toBeDefined()
    expect(errorsOf(form([email], { minFillSeconds: 1.5 })).minFillSeconds).toBeDefined()
  })

  test('non-objects are refused, not thrown on', () => {
    for (const junk of [null, 42, 'form', [], { fields: 'all' }]) expect(validateFormDefinition(junk).ok).toBe(false)
  })

  test('every purpose has valid starter fields', () => {
    for (const purpose of PURPOSE_IDS) expect(validateFormDefinition(form(starterFields(purpose), { purpose })), purpose).toMatchObject({ ok: true })
  })
})

describe('purposes', () => {
  test('each purpose presets its conversion type', () => {
    expect(PURPOSES.map((p) => p.id)).toEqual([...PURPOSE_IDS])
    expect(PURPOSES.filter((p) => p.conversionType === 'hard').map((p) => p.id)).toEqual(['demo_request', 'meeting_booking', 'quote_request', 'contact_sales'])
    expect(conversionTypeFor('demo_request')).toBe('hard')
    expect(conversionTypeFor('newsletter')).toBe('soft')
    expect(conversionTypeFor('made_up')).toBe('soft') // as `other`
  })

  test('starter fields fit the purpose and are fresh copies', () => {
    const keys = (purpose: (typeof PURPOSE_IDS)[number]) => starterFields(purpose).map((field) => field.key)
    expect(keys('newsletter')).toEqual(['email', 'consent'])
    expect(keys('demo_request')).toEqual(['email', 'name', 'company', 'company_size', 'heard_about', 'consent'])
    for (const purpose of PURPOSE_IDS) expect(starterFields(purpose)[0]).toMatchObject({ type: 'email', required: true })
    const first = starterFields('demo_request')
    first[4].label = 'changed'
    if (first[4].type === 'heard_about') first[4].options.pop()
    expect(starterFields('demo_request')[4]).toMatchObject({ label: 'How did you hear about us?', options: expect.arrayContaining([{ value: 'other', label: 'Other' }]) })
  })
})

describe('success actions', () => {
  test.each([
    { type: 'message', message: 'Thanks, we will call you.' },
    { type: 'redirect', url: 'https://example.com/thanks' },
    { type: 'asset', assetUrl: 'https://cdn.example.com/guide.pdf', label: 'Download the guide' },
    { type: 'asset', assetId: '0b6f3a52-8f0e-4c4e-9d8a-3c7f1e2d4b5a', label: 'Download the guide' },
    { type: 'message', message: 'Thanks!', nextStep: { text: 'Book a demo', url: '/p/demo' } },
    { type: 'message', message: 'Thanks!', nextStep: { text: 'Book a demo', url: 'https://cal.example.com/demo' } },
  ])('accepts %j', (success) => {
    expect(SuccessActionSchema.safeParse(success).success).toBe(true)
  })

  test.each([
    { type: 'redirect', url: 'javascript:alert(1)' },
    { type: 'redirect', url: '/relative' },
    { type: 'redirect', url: 'ftp://example.com/file' },
    { type: 'asset', assetUrl: 'data:text/html,hi', label: 'Get it' },
    { type: 'asset', assetUrl: 'https://example.com/a.pdf' },
    { type: 'asset', label: 'Get it' },
    { type: 'asset', assetId: 'not-a-uuid', label: 'Get it' },
    { type: 'asset', assetUrl: 'https://example.com/a.pdf', assetId: '0b6f3a52-8f0e-4c4e-9d8a-3c7f1e2d4b5a', label: 'Get it' },
    { type: 'message', message: '' },
    { type: 'message', message: 'x'.repeat(1001) },
    { type: 'message', message: 'Hi', nextStep: { text: 'Next', url: '//evil.example/x' } },
    { type: 'message', message: 'Hi', nextStep: { text: 'Next', url: '/\\evil.example' } },
    { type: 'message', message: 'Hi', nextStep: { text: 'Next', url: 'javascript:alert(1)' } },
    { type: 'confetti' },
  ])('refuses %j', (success) => {
    expect(SuccessActionSchema.safeParse(success).success).toBe(false)
  })
})

test('ISO dates must exist on the calendar', () => {
  expect(['2024-02-29', '2025-12-31', '1999-01-01'].every(isIsoDate)).toBe(true)
  expect(['2025-02-29', '2025-13-01', '2025-1-1', '20250101', '2025-01-01T00:00'].some(isIsoDate)).toBe(false)
})
