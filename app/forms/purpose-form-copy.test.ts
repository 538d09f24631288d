import { describe, expect, test } from 'vitest'
import { fromDefinition, newFormDefinition, toDefinitionInput } from './builder'
import { validateFormDefinition, type FormDefinition } from './definition'
import { purposeFormDefinition } from './purpose-form-copy'
import { PURPOSE_IDS } from './purposes'

/** Every piece of text a visitor reads in a form's definition. */
function textsOf(definition: FormDefinition): string[] {
  const fields = definition.fields.flatMap((field) => {
    const f = field as { label: string; placeholder?: string; help?: string; consentText?: string; options?: { label: string }[] }
    return [f.label, f.placeholder, f.help, f.consentText, ...(f.options ?? []).map((o) => o.label)]
  })
  const success = definition.success.type === 'message' ? [definition.success.message] : []
  return [...fields, definition.submitLabel, ...success].filter((text): text is string => Boolean(text))
}

/** The same form but for its words: keys, types, required, option values and conversion type. */
const shapeOf = (definition: FormDefinition) =>
  JSON.stringify({ ...definition, locale: undefined, submitLabel: undefined, success: undefined }, (key, value) => (['label', 'placeholder', 'consentText', 'help'].includes(key) ? undefined : value))

// Loanwords that are the Danish or Swedish word too.
const SAME_WORD = { sv: [], da: ['Podcast'] } as const

describe.each(['sv', 'da'] as const)('%s purpose forms', (locale) => {
  test.each(PURPOSE_IDS)('%s: valid, in its language, with no English text, and the English form’s fields', (purpose) => {
    const definition = purposeFormDefinition({ purpose, locale })
    const english = newFormDefinition({ purpose })
    expect(validateFormDefinition(definition)).toEqual({ ok: true, definition })
    expect(definition.locale).toBe(locale)
    expect(shapeOf(definition)).toBe(shapeOf(english))
    const englishTexts = new Set(textsOf(english))
    expect(textsOf(definition).filter((text) => englishTexts.has(text) && !(SAME_WORD[locale] as readonly string[]).includes(text))).toEqual([])
  })

  test('the builder keeps the language when the form is saved', () => {
    const definition = purposeFormDefinition({ purpose: 'demo_request', locale })
    const saved = validateFormDefinition(toDefinitionInput(fromDefinition('Demo', definition)).definition)
    expect(saved.ok && saved.definition.locale).toBe(locale)
  })
})

test('English purpose forms are the starter forms as ever, without a language (absent means English)', () => {
  for (const purpose of PURPOSE_IDS) expect(purposeFormDefinition({ purpose, locale: 'en' })).toEqual(newFormDefinition({ purpose }))
})

test('the Swedish demo form speaks the way Swedish B2B forms do', () => {
  const form = purposeFormDefinition({ purpose: 'demo_request', locale: 'sv' })
  expect(form.fields.map((field) => field.label)).toEqual(['Arbetsmejl', 'Namn', 'Företag', 'Antal anställda', 'Hur hörde du talas om oss?', 'Samtycke'])
  expect(form.submitLabel).toBe('Boka demo')
  expect(JSON.stringify(form)).toContain('personuppgifter')
})

test('an unknown language is refused, naming the choices', () => {
  const result = validateFormDefinition({ ...newFormDefinition({ purpose: 'other' }), locale: 'xx' })
  expect(result.ok ? null : result.errors.locale).toEqual(['Choose a language: en, sv, da'])
})
