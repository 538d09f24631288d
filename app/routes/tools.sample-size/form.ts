import { z } from 'zod'
import { fieldErrorsOf } from '#app/http/field-errors'
import { MAX_PLANNED_VISITORS } from '#app/statistics/sample-size'
import { MAX_VARIANTS, SampleSizeRequestSchema, type SampleSizeRequest } from '#app/statistics/schema'

// The calculator's form speaks percent where its fields do ("Current conversion rate (%)"), while the API it
// feeds takes fractions (POST /api/v1/sample-size: baselineRate 0.05). So the typed fields are checked here, with
// the form's words and within the API's bounds, before they become a request; the API's messages ("e.g. 0.05 for
// 5%") never reach the page (issue 17). Errors are keyed by the API's field names, as the page binds them.

export type SampleSizeFields = { baseline: string; mde: string; alpha: string; power: string; variants: string; daily: string; method: 'sequential' | 'fixed' }

/** "" is left out (required or optional by the schema); "4,5" is 4.5; anything else not a number fails as NaN. */
const decimal = (value: unknown) => (typeof value !== 'string' || value.trim() === '' ? undefined : Number(value.trim().replace(',', '.')))
/** Counts allow thousands separators: "12,000" and "12 000" are 12000. */
const count = (value: unknown) => (typeof value !== 'string' || value.trim() === '' ? undefined : Number(value.replace(/[\s,_]/g, '')))

/** A number field whose every failure reads `range` unless it is empty (`required`) or not a number (`notANumber`). */
const numberField = (parse: (value: unknown) => number | undefined, m: { required: string; notANumber: string }) =>
  z.preprocess(parse, z.number({ error: (issue) => (issue.input === undefined ? m.required : m.notANumber) }))

export const SAMPLE_SIZE_FORM_MESSAGES = {
  baselineRequired: 'Enter your current conversion rate in percent, e.g. 4.5',
  baselineNotANumber: 'Enter the conversion rate as a number of percent, e.g. 4.5',
  baselineRange: 'Enter a rate between 0.0001 % and 99.99 %',
  mdeRequired: 'Enter the smallest lift worth detecting, in percent, e.g. 10',
  mdeNotANumber: 'Enter the lift as a number of percent, e.g. 10',
  mdeRange: 'Enter a lift above 0 % and at most 10,000 %',
  mdeTooLarge: 'This lift would take the rate to 100 % or more: enter a smaller lift or check the rate',
  mdeTooSmall: `This lift is too small to detect: it would take more than ${MAX_PLANNED_VISITORS.toLocaleString('en-US')} visitors per variant`,
  alpha: 'Choose a significance between 0.0001 and 0.5 (99.99 % to 50 % confidence)',
  power: 'Choose a power between 50 % and 99.99 %',
  variants: `Enter a whole number of variants from 2 to ${MAX_VARIANTS}, the control included`,
  dailyNotANumber: 'Enter the daily visitors as a number, e.g. 1,000',
  dailyRange: 'Enter at least 1 daily visitor (and at most 1,000,000,000,000)',
} as const
const m = SAMPLE_SIZE_FORM_MESSAGES

const SampleSizeFormSchema = z.object({
  baselineRate: numberField(decimal, { required: m.baselineRequired, notANumber: m.baselineNotANumber })
    .pipe(z.number().min(0.0001, m.baselineRange).max(99.99, m.baselineRange))
    .transform((percent) => percent / 100),
  relativeMde: numberField(decimal, { required: m.mdeRequired, notANumber: m.mdeNotANumber })
    .pipe(z.number().gt(0, m.mdeRange).max(10_000, m.mdeRange))
    .transform((percent) => percent / 100),
  alpha: numberField(decimal, { required: m.alpha, notANumber: m.alpha }).pipe(z.number().min(0.0001, m.alpha).lt(0.5, m.alpha)),
  power: numberField(decimal, { required: m.power, notANumber: m.power }).pipe(z.number().gt(0.5, m.power).lt(0.9999, m.power)),
  variants: numberField(count, { required: m.variants, notANumber: m.variants }).pipe(z.number().int(m.variants).min(2, m.variants).max(MAX_VARIANTS, m.variants)),
  dailyVisitors: numberField(count, { required: m.dailyNotANumber, notANumber: m.dailyNotANumber }).pipe(z.number().min(1, m.dailyRange).max(1e12, m.dailyRange)).optional(),
})

type Checked = { request: SampleSizeRequest; errors: null } | { request: null; errors: Record<string, string[]> }

/** The typed fields as an API request, or the form's own messages by field. */
export function checkSampleSizeFields(fields: SampleSizeFields): Checked {
  const parsed = SampleSizeFormSchema.safeParse({
    baselineRate: fields.baseline,
    relativeMde: fields.mde,
    alpha: fields.alpha,
    power: fields.power,
    variants: fields.variants,
    dailyVisitors: fields.daily.trim() === '' ? undefined : fields.daily,
  })
  if (!parsed.success) return { request: null, errors: fieldErrorsOf(parsed.error) }
  const request = SampleSizeRequestSchema.safeParse({ ...parsed.data, sequential: fields.method === 'sequential' })
  if (request.success) return { request: request.data, errors: null }
  // Every field is within the API's bounds by now, so what is left is the plan itself: a lift too large for the
  // rate, or too small to detect within the largest plan the API takes. Anything else keeps the API's words.
  const errors = fieldErrorsOf(request.error)
  if (errors.relativeMde) {
    const { baselineRate, relativeMde } = parsed.data
    errors.relativeMde = [baselineRate * (1 + relativeMde) >= 1 ? m.mdeTooLarge : m.mdeTooSmall]
  }
  return { request: null, errors }
}
