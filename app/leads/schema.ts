import { z } from 'zod'
import { CHANNELS } from '#app/attribution/channel'
import { DEVICES } from '#app/attribution/device'
import { FIRST_DAY, LAST_DAY } from '#app/time/days'
import { FUNNEL_STAGES } from '#app/kpis/shape'
import { ScoreRulesSchema } from '#app/leads/score'
import { LEAD_STAGES, hasDealValue } from '#app/leads/stages'

// Schemas shared by the browser (react-hook-form), the admin actions and the API. No server imports.

/** An empty form field or query parameter means "not given", as a GET form sends every field. */
const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsMissing, schema.optional())

export const LEAD_SORTS = ['newest', 'last_conversion', 'score'] as const
export type LeadSort = (typeof LEAD_SORTS)[number]
export const SORT_LABELS: Record<LeadSort, string> = { newest: 'Newest', last_conversion: 'Last conversion', score: 'Score' }

export const MAX_PAGE_SIZE = 100

// The days the reports support (app/kpis/period.ts): no lead is older, and PostgreSQL refuses the far ones.
const Day = z.iso.date('Use a date like 2026-01-31').refine((day) => day >= FIRST_DAY && day <= LAST_DAY, `Use a day from ${FIRST_DAY} to ${LAST_DAY}`)

/** The inbox's filters, sort and page, as URL query parameters (the admin inbox and GET /api/v1/leads). */
export const LeadQuerySchema = z
  .object({
    temperature: optional(z.enum(['hot', 'cold'], { error: 'Use hot or cold' })),
    stage: optional(z.enum(LEAD_STAGES, { error: `Use one of ${LEAD_STAGES.join(', ')}` })),
    formId: optional(z.uuid('Use a form id')),
    pageId: optional(z.uuid('Use a page id')),
    source: optional(z.enum(CHANNELS, { error: `Use one of ${CHANNELS.join(', ')}` })),
    from: optional(Day),
    to: optional(Day),
    q: optional(z.string().trim().max(200, 'Use at most 200 characters')),
    // Where the dashboard's numbers link to (app/kpis/links.ts): leads that reached a funnel stage (or a later
    // one), first within reachedFrom..reachedTo; that had a touch from a channel; by device; by their answer
    // to "How did you hear about us?".
    reached: optional(z.enum(FUNNEL_STAGES, { error: `Use one of ${FUNNEL_STAGES.join(', ')}` })),
    reachedFrom: optional(Day),
    reachedTo: optional(Day),
    touched: optional(z.enum(CHANNELS, { error: `Use one of ${CHANNELS.join(', ')}` })),
    device: optional(z.enum(DEVICES, { error: `Use one of ${DEVICES.join(', ')}` })),
    heardAbout: optional(z.string().trim().max(200, 'Use at most 200 characters')),
    // Double opt-in: confirmed leads, or those a double opt-in form asked to confirm that have not (yet).
    confirmation: optional(z.enum(['confirmed', 'unconfirmed'], { error: 'Use confirmed or unconfirmed' })),
    // With any of these, leads with a conversion matching all of them (and formId/pageId when given).
    conversionType: optional(z.enum(['soft', 'hard'], { error: 'Use soft or hard' })),
    variantKey: optional(z.string().trim().max(50, 'Use at most 50 characters')),
    convertedFrom: optional(Day),
    convertedTo: optional(Day),
    sort: optional(z.enum(LEAD_SORTS, { error: `Use one of ${LEAD_SORTS.join(', ')}` })),
    cursor: optional(z.string().max(500, 'Not a cursor from this API')),
    limit: optional(z.coerce.number({ error: 'Use a whole number' }).int('Use a whole number').min(1, 'Use at least 1').max(MAX_PAGE_SIZE, `Use at most ${MAX_PAGE_SIZE}`)),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'Must not be before from' })
  .refine((q) => !q.reachedFrom || !q.reachedTo || q.reachedFrom <= q.reachedTo, { path: ['reachedTo'], message: 'Must not be before reachedFrom' })
  .refine((q) => q.reached || (!q.reachedFrom && !q.reachedTo), { path: ['reached'], message: 'Name the stage the dates are for' })
  .refine((q) => !q.convertedFrom || !q.convertedTo || q.convertedFrom <= q.convertedTo, { path: ['convertedTo'], message: 'Must not be before convertedFrom' })
export type LeadQuery = z.infer<typeof LeadQuerySchema>
export type LeadFilters = Pick<
  LeadQuery,
  | 'temperature'
  | 'stage'
  | 'formId'
  | 'pageId'
  | 'source'
  | 'from'
  | 'to'
  | 'q'
  | 'reached'
  | 'reachedFrom'
  | 'reachedTo'
  | 'touched'
  | 'device'
  | 'heardAbout'
  | 'confirmation'
  | 'conversionType'
  | 'variantKey'
  | 'convertedFrom'
  | 'convertedTo'
>

// numeric(14, 2): twelve digits before the point, two after.
export const MAX_DEAL_VALUE = 999_999_999_999.99

const DealValueSchema = z.preprocess(
  (value) => {
    const v = blankAsMissing(value)
    // Forms send text; "12 500,50" and "12,500.50" are both how people type amounts.
    if (typeof v !== 'string') return v
    const text = v.replace(/[\s_]/g, '')
    return Number(/^\d+,\d{1,2}$/.test(text) ? text.replace(',', '.') : text.replace(/,/g, ''))
  },
  z
    .number({ error: 'Enter an amount, like 12500 or 12500.50' })
    .min(0, 'Must not be negative')
    .max(MAX_DEAL_VALUE, 'Too large')
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'Use at most 2 decimals')
    .nullable()
    .optional(),
)

/**
 * A stage change: `{ stage, dealValue? }`. A deal value belongs to Opportunity and Customer only; it is optional
 * there (many teams qualify before they price), leaving it out keeps the current value and null clears it.
 */
export const LeadStageChangeSchema = z
  .object({
    stage: z.enum(LEAD_STAGES, { error: `Choose one of ${LEAD_STAGES.join(', ')}` }),
    dealValue: DealValueSchema,
  })
  .refine((v) => v.dealValue === undefined || v.dealValue === null || hasDealValue(v.stage), {
    path: ['dealValue'],
    message: 'Only opportunities and customers have a deal value',
  })
export type LeadStageChange = z.infer<typeof LeadStageChangeSchema>

/**
 * The lead page's stage form as the browser checks it. Its deal value field is disabled for stages without one, and a
 * disabled field is not sent, but react-hook-form still hands the field's last value to the resolver: without this,
 * the value a lead had at Opportunity blocked every move to Lost or back a stage with an error under the hidden field.
 */
export const LeadStageFormSchema = z.preprocess<unknown, typeof LeadStageChangeSchema, z.input<typeof LeadStageChangeSchema>>(
  (raw) => (hasDealValue(raw.stage) ? raw : { ...raw, dealValue: undefined }),
  LeadStageChangeSchema,
)

export const LeadNoteSchema = z.object({
  body: z.string({ error: 'Write a note' }).trim().min(1, 'Write a note').max(5000, 'Use at most 5000 characters'),
})

const toNumber = (value: unknown) => {
  const v = blankAsMissing(value)
  return typeof v === 'string' ? Number(v) : v
}

/** ScoreRulesSchema for a form: text inputs become numbers, and an empty MQL threshold means "never automatic". */
export const ScoreRulesFormSchema = z.object({
  pointsPerHard: z.preprocess(toNumber, ScoreRulesSchema.shape.pointsPerHard),
  pointsPerSoft: z.preprocess(toNumber, ScoreRulesSchema.shape.pointsPerSoft),
  pointsPerPageView: z.preprocess(toNumber, ScoreRulesSchema.shape.pointsPerPageView),
  maxPageViewPoints: z.preprocess(toNumber, ScoreRulesSchema.shape.maxPageViewPoints),
  halfLifeDays: z.preprocess(toNumber, ScoreRulesSchema.shape.halfLifeDays),
  mqlThreshold: z.preprocess((v) => toNumber(v) ?? null, ScoreRulesSchema.shape.mqlThreshold),
})
