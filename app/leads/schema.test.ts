import { expect, test } from 'vitest'
import { leadStages } from '#db/schema'
import { DEFAULT_SCORE_RULES } from './score'
import { LeadQuerySchema, LeadStageChangeSchema, ScoreRulesFormSchema } from './schema'
import { LEAD_STAGES } from './stages'

test('the browser-safe stage list is the database enum, in order', () => {
  expect(LEAD_STAGES).toEqual(leadStages)
})

test('deal values: typed amounts are read, and only opportunities and customers carry one', () => {
  const parse = (input: object) => LeadStageChangeSchema.safeParse(input)
  expect(parse({ stage: 'opportunity', dealValue: '12 500,50' }).data).toEqual({ stage: 'opportunity', dealValue: 12_500.5 })
  expect(parse({ stage: 'customer', dealValue: '12,500.50' }).data).toEqual({ stage: 'customer', dealValue: 12_500.5 })
  expect(parse({ stage: 'customer', dealValue: '1,500' }).data).toEqual({ stage: 'customer', dealValue: 1500 })
  expect(parse({ stage: 'opportunity', dealValue: '' }).data).toEqual({ stage: 'opportunity' })
  expect(parse({ stage: 'opportunity', dealValue: null }).data).toEqual({ stage: 'opportunity', dealValue: null })
  expect(parse({ stage: 'sql', dealValue: '' }).success).toBe(true)
  for (const bad of [
    { stage: 'sql', dealValue: 5 },
    { stage: 'opportunity', dealValue: 'lots' },
    { stage: 'opportunity', dealValue: -1 },
    { stage: 'opportunity', dealValue: 0.001 },
    { stage: 'won' },
    {},
  ]) {
    expect(parse(bad).success, JSON.stringify(bad)).toBe(false)
  }
})

test('a GET form sends empty fields: they mean "any"', () => {
  expect(LeadQuerySchema.parse({ temperature: '', stage: '', q: '  ', sort: '', limit: '' })).toEqual({})
  expect(LeadQuerySchema.safeParse({ limit: '2.5' }).success).toBe(false)
})

test('score rules from a form: text becomes numbers; an empty threshold means never automatic', () => {
  const text = Object.fromEntries(Object.entries(DEFAULT_SCORE_RULES).map(([k, v]) => [k, String(v)]))
  expect(ScoreRulesFormSchema.parse(text)).toEqual(DEFAULT_SCORE_RULES)
  expect(ScoreRulesFormSchema.parse({ ...text, mqlThreshold: '' }).mqlThreshold).toBeNull()
  expect(ScoreRulesFormSchema.safeParse({ ...text, pointsPerHard: '' }).success).toBe(false)
  expect(ScoreRulesFormSchema.safeParse({ ...text, halfLifeDays: 'x' }).success).toBe(false)
})
