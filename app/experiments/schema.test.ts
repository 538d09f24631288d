import { describe, expect, test } from 'vitest'
import { fieldErrorsOf } from '#app/http/field-errors'
import { createExperimentSchema, CreateExperimentSchema } from './schema'

const input = (weights: number[]) => ({
  pageId: '00000000-0000-4000-8000-000000000000',
  name: 'Shorter form',
  variants: weights.map((weight, i) => ({ key: String.fromCharCode(65 + i), weight })),
})
const errorsOf = (schema: typeof CreateExperimentSchema, weights: number[]) => {
  const parsed = schema.safeParse(input(weights))
  return parsed.success ? {} : fieldErrorsOf(parsed.error)
}

// Issue 17: the form's weights are percentages, and its message said "Weights must add up to 1 (they add up to 1.2)".
describe('weight messages speak the unit of who reads them', () => {
  test('the form: percent, as its fields and its running total', () => {
    expect(errorsOf(createExperimentSchema('percent'), [0.5, 0.7])).toEqual({ variants: ['Ticked variants must add up to 100 % (they add up to 120 %)'] })
    expect(errorsOf(createExperimentSchema('percent'), [0.333, 0.333, 0.333])).toEqual({ variants: ['Ticked variants must add up to 100 % (they add up to 99.9 %)'] })
    expect(errorsOf(createExperimentSchema('percent'), [0, 1])).toMatchObject({ 'variants.0.weight': ['Weight must be above 0 %'] })
    expect(errorsOf(createExperimentSchema('percent'), [1.5, 0.5])).toMatchObject({ 'variants.0.weight': ['Weight must be at most 100 %'] })
  })

  test('the API: fractions, with the percentage beside them', () => {
    expect(errorsOf(CreateExperimentSchema, [0.5, 0.7])).toEqual({ variants: ['Weights must add up to 1, i.e. 100 % (they add up to 1.2, i.e. 120 %)'] })
    expect(errorsOf(CreateExperimentSchema, [1.5, 0.5])).toMatchObject({ 'variants.0.weight': ['Weight must be at most 1 (100 %)'] })
  })

  test('weights that add up pass in both', () => {
    expect(errorsOf(createExperimentSchema('percent'), [0.25, 0.75])).toEqual({})
    expect(errorsOf(CreateExperimentSchema, [0.25, 0.75])).toEqual({})
  })
})
