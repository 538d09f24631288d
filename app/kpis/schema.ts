import { z } from 'zod'
import { CHANNELS } from '#app/attribution/channel'
import { ATTRIBUTION_MODELS, KPI_COMPARISONS, KPI_PRESETS, MAX_PERIOD_DAYS } from '#app/kpis/shape'
import { daysInPeriod, previousPeriod, toPeriod } from '#app/kpis/period'
import { FIRST_DAY, LAST_DAY } from '#app/time/days'

// Schemas shared by the browser, the dashboard's loader, the API and the spend settings. No server imports.

const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsMissing, schema.optional())

const IsoDay = z.iso.date('Use a date like 2026-01-31')

const requiredDay = (what: string) => z.preprocess(blankAsMissing, z.iso.date({ error: (issue) => (issue.input === undefined ? `Required: ${what}, like 2026-01-31` : 'Use a date like 2026-01-31') }))

/** GET /api/v1/kpis: from and to are required, whole UTC days, both included. */
export const KpiApiQuerySchema = z
  .object({
    from: requiredDay('the first day'),
    to: requiredDay('the last day'),
    model: optional(z.enum(ATTRIBUTION_MODELS, { error: `Use one of ${ATTRIBUTION_MODELS.join(', ')}` })).transform((v) => v ?? 'first'),
    compare: optional(z.enum(KPI_COMPARISONS, { error: `Use one of ${KPI_COMPARISONS.join(', ')}` })).transform((v) => v ?? 'none'),
  })
  .superRefine((q, ctx) => checkRange(q, ctx))

/** The dashboard's URL: a preset (default 30d) or a custom from/to; compared with the previous period by default. */
export const KpiDashboardQuerySchema = z
  .object({
    period: optional(z.enum([...KPI_PRESETS, 'custom'], { error: `Use one of ${[...KPI_PRESETS, 'custom'].join(', ')}` })),
    from: optional(IsoDay),
    to: optional(IsoDay),
    model: optional(z.enum(ATTRIBUTION_MODELS, { error: `Use one of ${ATTRIBUTION_MODELS.join(', ')}` })).transform((v) => v ?? 'first'),
    compare: optional(z.enum(KPI_COMPARISONS, { error: `Use one of ${KPI_COMPARISONS.join(', ')}` })).transform((v) => v ?? 'previous'),
  })
  .superRefine((q, ctx) => {
    if (q.period !== 'custom') return
    if (!q.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Required for a custom period' })
    if (!q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Required for a custom period' })
    if (q.from && q.to) checkRange({ from: q.from, to: q.to, compare: q.compare }, ctx)
  })
export type KpiDashboardQuery = z.output<typeof KpiDashboardQuerySchema>

function checkRange({ from, to, compare }: { from: unknown; to: unknown; compare: string }, ctx: z.RefinementCtx) {
  // zod runs refinements past field errors: a range of unreadable days says nothing more.
  if (!IsoDay.safeParse(from).success || !IsoDay.safeParse(to).success) return
  const [first, last] = [from as string, to as string]
  const outside = (day: string) => day < FIRST_DAY || day > LAST_DAY
  const supported = `Use a day from ${FIRST_DAY} to ${LAST_DAY}`
  if (outside(first)) ctx.addIssue({ code: 'custom', path: ['from'], message: supported })
  if (outside(last)) ctx.addIssue({ code: 'custom', path: ['to'], message: supported })
  if (outside(first) || outside(last)) return
  if (first > last) ctx.addIssue({ code: 'custom', path: ['to'], message: `Must not be before from (${first})` })
  else if (daysInPeriod({ from: first, to: last }) > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${MAX_PERIOD_DAYS} days from from` })
  else if (compare === 'previous') {
    const before = previousPeriod(toPeriod(first, last))
    if (before.from < FIRST_DAY) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `With compare=previous the period before would start on ${before.from}, before ${FIRST_DAY}: choose a later from, or compare=none` })
    }
  }
}

// numeric(14, 2)
export const MAX_SPEND = 999_999_999_999.99

const toAmount = (value: unknown) => {
  const v = blankAsMissing(value)
  if (typeof v !== 'string') return v
  // "12 500,50" and "12,500.50" are both how people type amounts.
  const text = v.replace(/[\s_]/g, '')
  return Number(/^\d+,\d{1,2}$/.test(text) ? text.replace(',', '.') : text.replace(/,/g, ''))
}

const AmountSchema = z.preprocess(
  toAmount,
  z
    .number({ error: 'Enter an amount, like 1200 or 1200.50' })
    .min(0, 'Must not be negative')
    .max(MAX_SPEND, 'Too large')
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'Use at most 2 decimals')
    .optional(),
)

/** One month's spend per channel, as the settings form posts it: `month` and one `spend_<channel>` per channel (empty: none). */
export const SpendFormSchema = z.object({
  month: z
    .string({ error: 'Choose a month' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-01')
    // Spend outside the days a report may cover would never be read.
    .refine((month) => month >= FIRST_DAY.slice(0, 7) && month <= LAST_DAY.slice(0, 7), `Use a month from ${FIRST_DAY.slice(0, 7)} to ${LAST_DAY.slice(0, 7)}`),
  spend_paid_search: AmountSchema,
  spend_organic_search: AmountSchema,
  spend_social: AmountSchema,
  spend_email: AmountSchema,
  spend_referral: AmountSchema,
  spend_direct: AmountSchema,
})
export type SpendForm = z.output<typeof SpendFormSchema>
// Every channel has its field: this fails typechecking when CHANNELS gains one.
const _everyChannel: Record<`spend_${(typeof CHANNELS)[number]}`, unknown> = {} as Required<Omit<SpendForm, 'month'>>
void _everyChannel
