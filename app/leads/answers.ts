import { otherKeyFor } from '#app/forms/field-rules'
import { HEARD_ABOUT_DEFAULT_OPTIONS } from '#app/forms/purposes'
import type { AnswersJson } from '#db/schema'

// Answers are stored as the form's option values ("ab_testing", "11-50"), which the CSV and the API keep (they are
// what a spreadsheet filters on and what a CRM maps). People read the labels the visitor chose from, so the lead's
// page looks each value up in the form's definition. Pure: no server imports.

/** Per form: field key → label, and field key → option value → option label for the fields with options. */
export type FormLabels = { fieldLabels: Record<string, string>; optionLabels: Record<string, Record<string, string>>; heardAboutKeys: string[] }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * Reads labels from a stored form definition's fields, whatever its age: a field or option that does not have the
 * expected shape is skipped rather than trusted.
 */
export function readFormLabels(fields: unknown[] | undefined): FormLabels {
  const fieldLabels: Record<string, string> = {}
  const optionLabels: Record<string, Record<string, string>> = {}
  const heardAboutKeys: string[] = []
  for (const field of fields ?? []) {
    if (!isRecord(field) || typeof field.key !== 'string' || typeof field.label !== 'string') continue
    fieldLabels[field.key] = field.label
    if (field.type === 'heard_about') {
      heardAboutKeys.push(field.key)
      fieldLabels[otherKeyFor(field.key)] = `${field.label} (other)`
    }
    if (!Array.isArray(field.options)) continue
    const options: Record<string, string> = {}
    for (const option of field.options) {
      if (isRecord(option) && typeof option.value === 'string' && typeof option.label === 'string') options[option.value] = option.label
    }
    optionLabels[field.key] = options
  }
  return { fieldLabels, optionLabels, heardAboutKeys }
}

/**
 * One chosen value: its label, or the stored value itself when the form no longer offers it (`isStored`). A ticked
 * or unticked box also carries `checked`, so a screen can say yes or no in its reader's language.
 */
export type AnswerPart = { text: string; isStored: boolean; checked?: boolean }

/**
 * An answer as the parts a person reads. A field with options shows their labels; a value the form no longer offers
 * (an option removed or renamed since) is shown as stored and marked. Other answers are their text.
 */
export function describeAnswer(value: AnswersJson[string], options: Record<string, string> | undefined): AnswerPart[] {
  if (value === null || value === '') return [{ text: '–', isStored: false }]
  if (typeof value === 'boolean') return [{ text: value ? 'Yes' : 'No', isStored: false, checked: value }]
  const values = Array.isArray(value) ? value : [String(value)]
  if (!options) return [{ text: values.join(', '), isStored: false }]
  return values.map((v) => (Object.hasOwn(options, v) ? { text: options[v]!, isStored: false } : { text: v, isStored: true }))
}

/**
 * The label of a "How did you hear about us?" value: from the first given form that offers it, else from the
 * default options every new form starts with, else the value as stored (null when there is none).
 */
export function heardAboutLabel(value: string | null, forms: FormLabels[]): string | null {
  if (value === null) return null
  for (const { optionLabels, heardAboutKeys } of forms) {
    for (const key of heardAboutKeys) {
      const options = optionLabels[key] ?? {}
      if (Object.hasOwn(options, value)) return options[value]!
    }
  }
  return HEARD_ABOUT_DEFAULT_OPTIONS.find((o) => o.value === value)?.label ?? value
}
