import { describe, expect, test } from 'vitest'
import { BuilderSchema, changeFieldType, fromDefinition, newField, newFormDefinition, previewOf, stepAfterRemoving, toDefinitionInput, uniqueKey, type BuilderValues } from './builder'
import { fieldErrorsOf } from '#app/http/field-errors'
import { EVERYTHING } from '#tests/factories/form-definitions'
import { FIELD_TYPES, FormDefinitionSchema } from './definition'
import { PURPOSE_IDS } from './purposes'

const parse = (values: BuilderValues) => FormDefinitionSchema.parse(toDefinitionInput(values).definition)

describe('builder values', () => {
  test('every field type and setting survives definition → builder → definition', () => {
    expect(EVERYTHING.fields.map((f) => f.type).sort()).toEqual([...FIELD_TYPES].sort())
    const values = fromDefinition('Everything', EVERYTHING)
    expect(values.fields.map((f) => f.step)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1])
    expect(toDefinitionInput(values).name).toBe('Everything')
    expect(parse(values)).toEqual(EVERYTHING)
  })

  test('every purpose starts from a valid definition with its preset, unless overridden', () => {
    for (const purpose of PURPOSE_IDS) {
      const definition = newFormDefinition({ purpose })
      expect(parse(fromDefinition('x', definition))).toEqual(definition)
      expect(definition.minFillSeconds).toBe(1)
    }
    expect(newFormDefinition({ purpose: 'demo_request' })).toMatchObject({ conversionType: 'hard', submitLabel: 'Book a demo' })
    expect(newFormDefinition({ purpose: 'newsletter', conversionType: 'hard' }).conversionType).toBe('hard')
  })

  test('blank inputs mean "not set": empty text and emptied number inputs are left out, required text is kept to be reported', () => {
    const values = fromDefinition('x', newFormDefinition({ purpose: 'other' }))
    values.fields[0] = { ...values.fields[0]!, placeholder: '  ', help: '', prefillParam: '', defaultValue: '' }
    values.fields.push({ type: 'number', key: 'n', label: '', min: Number.NaN, max: 5, step: 0 })
    const { definition } = toDefinitionInput(values)
    const fields = definition.fields as Record<string, unknown>[]
    expect(fields[0]).toEqual({ type: 'email', key: 'email', label: 'Work email', required: true })
    expect(fields[2]).toEqual({ type: 'number', key: 'n', label: '', max: 5 })
  })

  test('settings of another type are dropped, and consent is always required', () => {
    const values = fromDefinition('x', newFormDefinition({ purpose: 'newsletter' }))
    values.fields[0] = { ...values.fields[0]!, minLength: 3, options: [{ value: 'a', label: 'A' }] }
    values.fields[1] = { ...values.fields[1]!, required: false }
    const fields = toDefinitionInput(values).definition.fields as Record<string, unknown>[]
    expect(fields[0]).not.toHaveProperty('minLength')
    expect(fields[0]).not.toHaveProperty('options')
    expect(fields[1]).toMatchObject({ type: 'consent', required: true })
  })

  test('steps come from each field’s step, in field order, and only when multi-step is on', () => {
    const values = fromDefinition('x', newFormDefinition({ purpose: 'demo_request' }))
    values.steps = [{ title: 'One' }, { title: 'Two' }]
    values.fields.forEach((f, i) => (f.step = i % 2))
    expect(toDefinitionInput(values).definition).not.toHaveProperty('steps')
    values.isMultiStep = true
    expect(parse(values).steps).toEqual([
      { title: 'One', fieldKeys: ['email', 'company', 'heard_about'] },
      { title: 'Two', fieldKeys: ['name', 'company_size', 'consent'] },
    ])
  })

  test('the success action keeps only the chosen kind and source', () => {
    const values = fromDefinition('x', EVERYTHING)
    expect(values.success).toMatchObject({ type: 'asset', assetSource: 'upload', hasNextStep: true })
    values.success.assetSource = 'url'
    values.success.assetUrl = 'https://cdn.example.com/guide.pdf'
    expect(parse(values).success).toEqual({ type: 'asset', assetUrl: 'https://cdn.example.com/guide.pdf', label: 'Get the guide', nextStep: { text: 'Want a demo?', url: '/p/demo' } })
    values.success.type = 'redirect'
    values.success.url = ' https://example.com/thanks '
    expect(parse(values).success).toEqual({ type: 'redirect', url: 'https://example.com/thanks' })
    values.success.type = 'message'
    values.success.hasNextStep = false
    expect(parse(values).success).toEqual({ type: 'message', message: 'Thank you! We have received your details.' })
  })
})

describe('BuilderSchema', () => {
  test('reports the definition’s own paths, plus the name', () => {
    const values = fromDefinition('', EVERYTHING)
    values.fields[2]!.key = 'email'
    values.fields[1]!.pattern = '(a+)+'
    values.success = { ...values.success, assetSource: 'upload', assetId: '' }
    const result = BuilderSchema.safeParse(values)
    expect(result.success).toBe(false)
    const errors = fieldErrorsOf(result.error!)
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['name', 'fields.2.key', 'fields.1.pattern', 'success.assetId']))
    expect(errors['fields.2.key']![0]).toContain('already used by field 1')
  })

  test('an empty step is reported on that step', () => {
    const values = fromDefinition('x', EVERYTHING)
    values.steps.push({ title: 'Empty' })
    const errors = fieldErrorsOf(BuilderSchema.safeParse(values).error!)
    expect(errors['steps.2.fieldKeys']).toEqual(['Add at least one field to this step'])
  })
})

describe('live preview', () => {
  test('shows the valid fields only, and says how many are left out', () => {
    const values = fromDefinition('x', newFormDefinition({ purpose: 'demo_request' }))
    values.fields[1]!.key = 'Not OK'
    values.fields[2]!.key = 'email' // a duplicate: the first one wins
    values.submitLabel = ' '
    const preview = previewOf(values)!
    expect(preview.definition.fields.map((f) => f.key)).toEqual(['email', 'company_size', 'heard_about', 'consent'])
    expect(preview.hiddenFields).toBe(2)
    expect(preview.definition.submitLabel).toBe('Submit')
  })

  test('falls back to a message while the success action is incomplete, and drops steps without fields', () => {
    const values = fromDefinition('x', EVERYTHING)
    values.success.assetId = ''
    values.steps.push({ title: '' })
    const preview = previewOf(values)!
    expect(preview.definition.success.type).toBe('message')
    expect(preview.definition.steps?.map((s) => s.title)).toEqual(['You', 'Your request'])
    values.fields.forEach((f) => (f.step = 0))
    expect(previewOf(values)!.definition.steps).toBeUndefined() // one step is no multi-step form
  })

  test('nothing to show without a valid field', () => {
    const values = fromDefinition('x', newFormDefinition({ purpose: 'newsletter' }))
    values.fields.forEach((f) => (f.label = ''))
    expect(previewOf(values)).toBeNull()
  })
})

describe('field helpers', () => {
  test('new fields get a key nobody uses, heard_about’s _other companion included', () => {
    const fields = [
      { type: 'email' as const, key: 'email' },
      { type: 'heard_about' as const, key: 'src' },
    ]
    expect(uniqueKey('email', fields)).toBe('email_2')
    expect(uniqueKey('src_other', fields)).toBe('src_other_2')
    expect(newField('email', fields, 1)).toMatchObject({ type: 'email', key: 'email_2', required: true, step: 1 })
    for (const type of FIELD_TYPES) {
      const values = fromDefinition('x', newFormDefinition({ purpose: 'other' }))
      values.fields.push(newField(type, values.fields))
      expect(BuilderSchema.safeParse(values).success, type).toBe(true)
    }
  })

  test('new fields are fresh copies', () => {
    const a = newField('select', [])
    a.options![0]!.label = 'changed'
    expect(newField('select', []).options![0]!.label).toBe('Option 1')
  })

  test('changing the type keeps what both types share', () => {
    const select = { ...newField('select', []), key: 'size', label: 'Size', help: 'Pick one', step: 1 }
    const radio = changeFieldType(select, 'radio')
    expect(radio).toMatchObject({ type: 'radio', key: 'size', label: 'Size', help: 'Pick one', options: select.options, step: 1 })
    const text = changeFieldType({ ...select, defaultValue: 'option_1' }, 'text')
    expect(text).toMatchObject({ type: 'text', key: 'size', label: 'Size' })
    expect(text.defaultValue).toBeUndefined()
    expect(changeFieldType(text, 'consent')).toMatchObject({ required: true, consentText: expect.any(String) })
  })

  test('removing a step moves its fields into the step before, later ones up', () => {
    expect([0, 1, 2, 3].map((s) => stepAfterRemoving(s, 1))).toEqual([0, 0, 1, 2])
    expect([0, 1].map((s) => stepAfterRemoving(s, 0))).toEqual([0, 0])
  })
})
