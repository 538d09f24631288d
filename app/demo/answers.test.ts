import { expect, test } from 'vitest'
import { CHANNELS } from '#app/attribution/channel'
import { validateFormDefinition, type FormDefinitionInput } from '#app/forms/definition'
import { conversionTypeFor, PURPOSE_IDS, starterFields } from '#app/forms/purposes'
import { buildSubmissionSchema, extractLeadIdentity } from '#app/forms/validation'
import { createRandom } from '#app/statistics/simulate'
import { formLanguageFor } from '#app/visitor-language/catalogue'

const ENGLISH_FORM = formLanguageFor('en')
import { answersFor, drawPerson, withEmailNumber } from './answers'

function definitionOf(input: FormDefinitionInput) {
  const parsed = validateFormDefinition(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.definition
}

// Every kind of field, with the limits a marketer can set.
const EVERY_FIELD: FormDefinitionInput = {
  purpose: 'other',
  conversionType: 'soft',
  fields: [
    { key: 'email', type: 'email', label: 'Email', required: true },
    { key: 'full_name', type: 'text', label: 'Full name', required: true, minLength: 3, maxLength: 60 },
    { key: 'job_title', type: 'text', label: 'Job title', required: true },
    { key: 'vat_id', type: 'text', label: 'Order number', required: true, pattern: '[0-9]{5}' },
    { key: 'promo', type: 'text', label: 'Promo code', pattern: '[A-Z]{3}-[0-9]{3}' },
    { key: 'notes', type: 'textarea', label: 'Notes', required: true, minLength: 20, maxLength: 90 },
    { key: 'phone', type: 'phone', label: 'Phone', required: true },
    { key: 'seats', type: 'number', label: 'Seats', required: true, min: 5, max: 50 },
    { key: 'start', type: 'date', label: 'Start', required: true, min: '2030-01-01', max: '2030-12-31' },
    {
      key: 'plan',
      type: 'select',
      label: 'Plan',
      required: true,
      options: [
        { value: 'team', label: 'Team' },
        { value: 'business', label: 'Business' },
      ],
    },
    {
      key: 'size',
      type: 'radio',
      label: 'Size',
      required: true,
      options: [
        { value: 's', label: 'Small' },
        { value: 'l', label: 'Large' },
      ],
    },
    {
      key: 'topics',
      type: 'checkboxes',
      label: 'Topics',
      required: true,
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
        { value: 'c', label: 'C' },
      ],
    },
    { key: 'heard', type: 'heard_about', label: 'How did you hear about us?', required: true },
    { key: 'ref', type: 'hidden', label: 'Ref' },
    { key: 'consent', type: 'consent', label: 'Consent', consentText: 'Yes, contact me.' },
  ],
}

test("answers pass the form's own validation, for every starter form and every kind of field", () => {
  const definitions = [...PURPOSE_IDS.map((purpose) => definitionOf({ purpose, conversionType: conversionTypeFor(purpose), fields: starterFields(purpose) })), definitionOf(EVERY_FIELD)]
  const random = createRandom(5)
  for (const definition of definitions) {
    const schema = buildSubmissionSchema(definition, { language: ENGLISH_FORM })
    for (let i = 0; i < 300; i++) {
      const person = drawPerson(random)
      const posted = answersFor(definition.fields, { person, channel: CHANNELS[i % CHANNELS.length]!, random, today: new Date('2026-03-01T12:00:00Z'), hiddenValues: { ref: 'spring' } })
      const parsed = schema.safeParse(posted)
      expect(parsed.success, `${definition.purpose}: ${JSON.stringify(posted)} ${JSON.stringify(parsed.error?.issues)}`).toBe(true)
      const identity = extractLeadIdentity(parsed.data!, definition)
      expect(identity.email).toBe(person.email)
      if (definition.fields.some((f) => f.key === 'ref')) expect(parsed.data!.ref).toBe('spring')
    }
  }
})

test('people have plausible, fictional contact details', () => {
  const random = createRandom(6)
  for (let i = 0; i < 500; i++) {
    const person = drawPerson(random)
    expect(person.email).toMatch(/^[a-z]+\.[a-z]+@[a-z0-9]+\.example$/)
    expect(person.phone).toMatch(/^\+1 202 555 01\d\d$/)
    expect(person.name).toBe(`${person.firstName} ${person.lastName}`)
  }
  expect(withEmailNumber({ ...drawPerson(random), email: 'ada.okafor@relecloud.example' }, 2).email).toBe('ada.okafor2@relecloud.example')
})

test('"How did you hear about us?" mostly matches where tracking saw them come from', () => {
  const definition = definitionOf({ purpose: 'demo_request', conversionType: 'hard', fields: starterFields('demo_request') })
  const random = createRandom(7)
  const answers = (channel: (typeof CHANNELS)[number]) =>
    Array.from({ length: 1000 }, () => answersFor(definition.fields, { person: drawPerson(random), channel, random, today: new Date() }).heard_about)
  const share = (list: unknown[], value: string) => list.filter((v) => v === value).length / list.length
  expect(share(answers('organic_search'), 'search')).toBeGreaterThan(0.5)
  expect(share(answers('social'), 'social')).toBeGreaterThan(0.5)
  // Direct visitors reveal word of mouth that tracking cannot see.
  expect(share(answers('direct'), 'referral')).toBeGreaterThan(0.25)
  // Optional: some people skip it.
  expect(share(answers('email'), undefined as never)).toBeGreaterThan(0.05)
})
