// Request schemas for the analysis API and the public calculators. Safe on both sides (no
// server imports). Every message names its field, because a marketer reads them in a form.

import { z } from 'zod'
import { computeSampleSize, MAX_PLANNED_VISITORS } from './sample-size'

export const MAX_VARIANTS = 20
/** Counts above this lose integer precision long before they are realistic. */
const MAX_COUNT = 1e12

function createCountSchema(field: string) {
  return z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(0, { error: `${field} cannot be negative` })
    .max(MAX_COUNT, { error: `${field} is too large` })
}

export const VariantCountsSchema = z
  .object({
    key: z.string({ error: 'key must be text' }).trim().min(1, { error: 'key cannot be empty' }).max(64, { error: 'key must be at most 64 characters' }),
    visitors: createCountSchema('visitors'),
    conversions: createCountSchema('conversions'),
  })
  .superRefine((variant, ctx) => {
    if (variant.conversions > variant.visitors) {
      ctx.addIssue({
        code: 'custom',
        path: ['conversions'],
        message: `conversions (${variant.conversions}) cannot exceed visitors (${variant.visitors})`,
      })
    }
  })

export const AnalyzeRequestSchema = z
  .object(
    {
      variants: z
        .array(VariantCountsSchema, { error: 'variants must be a list of { key, visitors, conversions }' })
        .min(2, { error: 'variants needs at least 2 entries: the control and one treatment' })
        .max(MAX_VARIANTS, { error: `variants can have at most ${MAX_VARIANTS} entries` }),
      control: z.string({ error: 'control must be the key of a variant' }).optional(),
      confidence: z
        .number({ error: 'confidence must be a number' })
        .gt(0.5, { error: 'confidence must be between 0.5 and 0.9999, e.g. 0.95' })
        .lt(0.9999, { error: 'confidence must be between 0.5 and 0.9999, e.g. 0.95' })
        .optional(),
      weights: z.array(z.number({ error: 'each weight must be a number' }).positive({ error: 'each weight must be above 0' }), { error: 'weights must be a list of numbers' }).optional(),
      sequential: z.boolean({ error: 'sequential must be true or false' }).optional(),
      plannedVisitorsPerVariant: z
        .number({ error: 'plannedVisitorsPerVariant must be a number' })
        .int({ error: 'plannedVisitorsPerVariant must be a whole number' })
        .min(100, { error: 'plannedVisitorsPerVariant must be at least 100' })
        .max(1e9, { error: 'plannedVisitorsPerVariant is too large' })
        .optional(),
      dailyVisitors: z.number({ error: 'dailyVisitors must be a number' }).positive({ error: 'dailyVisitors must be above 0' }).max(MAX_COUNT, { error: 'dailyVisitors is too large' }).optional(),
    },
    { error: 'the request body must be a JSON object' },
  )
  .superRefine((request, ctx) => {
    const seen = new Set<string>()
    request.variants.forEach((variant, i) => {
      if (seen.has(variant.key)) ctx.addIssue({ code: 'custom', path: ['variants', i, 'key'], message: `key "${variant.key}" is used by more than one variant` })
      seen.add(variant.key)
    })
    // Without a planned sample a fixed-horizon p-value gets read at every look: plain peeking (25% false winners in an A/A test).
    if (request.sequential === false && request.plannedVisitorsPerVariant === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['plannedVisitorsPerVariant'],
        message:
          'plannedVisitorsPerVariant is required with sequential: false: a fixed-horizon test is valid only when read once, at its planned sample (leave sequential out for the always-valid analysis)',
      })
    }
    if (request.control !== undefined && !seen.has(request.control)) {
      ctx.addIssue({ code: 'custom', path: ['control'], message: `control "${request.control}" is not the key of any variant` })
    }
    if (request.weights !== undefined) {
      const sum = request.weights.reduce((total, w) => total + w, 0)
      if (request.weights.length !== request.variants.length) {
        ctx.addIssue({ code: 'custom', path: ['weights'], message: `weights needs one entry per variant (${request.variants.length}), got ${request.weights.length}` })
      } else if (Math.abs(sum - 1) > 1e-6) {
        ctx.addIssue({ code: 'custom', path: ['weights'], message: `weights must add up to 1, got ${sum}` })
      }
    }
  })

export type AnalyzeRequest = z.infer<typeof AnalyzeRequestSchema>

// The bounds keep every answer a plan someone could run: alpha as small as analyze's strictest confidence
// (0.9999), daily traffic of at least one visitor, a baseline of at least 0.0001%, and (checked on the answer
// itself) at most MAX_PLANNED_VISITORS per variant, the largest plan analyze takes.
export const SampleSizeRequestSchema = z
  .object(
    {
      baselineRate: z
        .number({ error: 'baselineRate must be a number' })
        .min(1e-6, { error: 'baselineRate must be between 0 and 1 (at least 0.000001, i.e. 0.0001%), e.g. 0.05 for 5%' })
        .lt(1, { error: 'baselineRate must be between 0 and 1 (exclusive), e.g. 0.05 for 5%' }),
      relativeMde: z.number({ error: 'relativeMde must be a number' }).gt(0, { error: 'relativeMde must be above 0, e.g. 0.1 for a 10% lift' }).max(100, { error: 'relativeMde is too large' }),
      alpha: z.number({ error: 'alpha must be a number' }).min(0.0001, { error: 'alpha must be between 0.0001 and 0.5' }).lt(0.5, { error: 'alpha must be between 0.0001 and 0.5' }).optional(),
      power: z.number({ error: 'power must be a number' }).gt(0.5, { error: 'power must be between 0.5 and 0.9999' }).lt(0.9999, { error: 'power must be between 0.5 and 0.9999' }).optional(),
      variants: z
        .number({ error: 'variants must be a number' })
        .int({ error: 'variants must be a whole number' })
        .min(2, { error: 'variants must be at least 2' })
        .max(MAX_VARIANTS, { error: `variants can be at most ${MAX_VARIANTS}` })
        .optional(),
      dailyVisitors: z.number({ error: 'dailyVisitors must be a number' }).min(1, { error: 'dailyVisitors must be at least 1' }).max(MAX_COUNT, { error: 'dailyVisitors is too large' }).optional(),
      sequential: z.boolean({ error: 'sequential must be true or false' }).optional(),
    },
    { error: 'the request body must be a JSON object' },
  )
  .superRefine(
    (request, ctx) => {
      const improved = request.baselineRate * (1 + request.relativeMde)
      if (improved >= 1) {
        ctx.addIssue({ code: 'custom', path: ['relativeMde'], message: 'relativeMde is too large for this baselineRate: the improved rate would reach 100%' })
        return
      }
      const tooSmall = `relativeMde is too small for this baselineRate: detecting it would take more than ${MAX_PLANNED_VISITORS.toLocaleString('en-US')} visitors per variant`
      // A lift below the rate's last digit leaves the improved rate equal to the baseline: nothing to detect.
      if (!(improved > request.baselineRate)) {
        ctx.addIssue({ code: 'custom', path: ['relativeMde'], message: tooSmall })
        return
      }
      const size = computeSampleSize(request)
      if (Math.max(size.visitorsPerVariant, size.alternative.visitorsPerVariant) > MAX_PLANNED_VISITORS) ctx.addIssue({ code: 'custom', path: ['relativeMde'], message: tooSmall })
    },
    // Only a request whose fields are all valid can be planned (zod runs object refinements after field issues).
    { when: (payload) => payload.issues.length === 0 },
  )

export type SampleSizeRequest = z.infer<typeof SampleSizeRequestSchema>
