import { expect, test } from 'vitest'
import { describeAnswer, heardAboutLabel, readFormLabels } from './answers'

const fields = [
  { type: 'email', key: 'email', label: 'Work email' },
  {
    type: 'select',
    key: 'company_size',
    label: 'Company size',
    options: [
      { value: '11-50', label: '11–50 employees' },
      { value: 'other', label: 'Something else' },
    ],
  },
  {
    type: 'heard_about',
    key: 'heard_about',
    label: 'How did you hear about us?',
    options: [
      { value: 'podcast', label: 'A podcast' },
      { value: 'other', label: 'Other' },
    ],
  },
  { type: 'checkboxes', key: 'topics', label: 'Topics', options: [{ value: 'ab_testing', label: 'A/B testing' }, { value: 7 }] },
  'not a field',
  { key: 'no_label' },
]

test('labels are read from a stored definition, skipping what has not the expected shape', () => {
  expect(readFormLabels(fields)).toEqual({
    fieldLabels: {
      email: 'Work email',
      company_size: 'Company size',
      heard_about: 'How did you hear about us?',
      heard_about_other: 'How did you hear about us? (other)',
      topics: 'Topics',
    },
    optionLabels: { company_size: { '11-50': '11–50 employees', other: 'Something else' }, heard_about: { podcast: 'A podcast', other: 'Other' }, topics: { ab_testing: 'A/B testing' } },
    heardAboutKeys: ['heard_about'],
  })
  expect(readFormLabels(undefined)).toEqual({ fieldLabels: {}, optionLabels: {}, heardAboutKeys: [] })
})

test('answers read as labels; values no longer offered are stored values, marked', () => {
  const { optionLabels } = readFormLabels(fields)
  expect(describeAnswer('11-50', optionLabels.company_size)).toEqual([{ text: '11–50 employees', isStored: false }])
  expect(describeAnswer(['ab_testing', 'gone'], optionLabels.topics)).toEqual([
    { text: 'A/B testing', isStored: false },
    { text: 'gone', isStored: true },
  ])
  // Inherited object keys are not options.
  expect(describeAnswer('toString', optionLabels.topics)).toEqual([{ text: 'toString', isStored: true }])
  expect(describeAnswer('free text', undefined)).toEqual([{ text: 'free text', isStored: false }])
  expect(describeAnswer(['a', 'b'], undefined)).toEqual([{ text: 'a, b', isStored: false }])
  expect(describeAnswer(true, undefined)).toEqual([{ text: 'Yes', isStored: false, checked: true }])
  expect(describeAnswer(42, undefined)).toEqual([{ text: '42', isStored: false }])
  expect(describeAnswer(null, optionLabels.topics)).toEqual([{ text: '–', isStored: false }])
})

test('"heard about us" is labelled by the form that asked it, else by the default options', () => {
  const forms = [readFormLabels(fields)]
  expect(heardAboutLabel('podcast', forms)).toBe('A podcast')
  // "other" is also a company size option: only the heard-about field's options count.
  expect(heardAboutLabel('other', forms)).toBe('Other')
  expect(heardAboutLabel('referral', [])).toBe('Friend or colleague')
  expect(heardAboutLabel('unknown_value', forms)).toBe('unknown_value')
  expect(heardAboutLabel(null, forms)).toBeNull()
})
