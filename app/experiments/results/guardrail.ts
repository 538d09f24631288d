// The quality guardrail (docs/decisions/061-quality-guardrail.md): a variant that wins on the primary metric is not
// shipped by auto-ship when its leads are significantly worse than the control's. Two checks, each one binary
// outcome per visitor so the statistics module's two-proportion machinery applies as it is:
// - hard rate: visitors with a hard conversion ÷ visitors,
// - SQL rate: leads of the variant that reached SQL or beyond ÷ visitors.
// "Significantly worse" reads the always-valid (sequential) p-value of analyze() on the control and the candidate
// alone, at the experiment's confidence, so auto-ship may check every minute without inflating false blocks.
// Pure: counts in, verdict out, the same on the results page, in the API and in auto-ship's winner record.

import { englishSpeaker, type Speaker } from '#app/i18n/sentences'
import { formatRoundedPercent, formatPValueStatement } from '#app/components/format'
import { analyze } from '#app/statistics/analyze'

export const GUARDRAIL_RULE =
  "Auto-ship never ships a variant whose hard-conversion rate or SQL rate (per visitor) is significantly worse than the control's: always-valid p-value below 1 − confidence, with a lower rate."

export const GUARDRAIL_CHECKS = ['hard_rate', 'sql_rate'] as const
export type GuardrailCheckKey = (typeof GUARDRAIL_CHECKS)[number]

export const GUARDRAIL_LABELS: Record<GuardrailCheckKey, string> = { hard_rate: 'hard-conversion rate', sql_rate: 'SQL rate' }

/** One variant's counts for the guardrail: its visitors, those with a hard conversion, its leads at SQL or beyond. */
export type GuardrailCounts = { key: string; visitors: number; hardConversions: number; sqlLeads: number }

export type GuardrailArm = { key: string; visitors: number; count: number; rate: number | null }

export type GuardrailCheck = {
  check: GuardrailCheckKey
  control: GuardrailArm
  variant: GuardrailArm
  /** the variant's rate ÷ the control's − 1; null when the control's rate is 0 or an arm has no visitors */
  relativeLift: number | null
  /** always-valid two-sided p-value of the difference; null without visitors in an arm */
  sequentialPValue: number | null
  isWorse: boolean
}

export type GuardrailVerdict = {
  rule: string
  variantKey: string
  control: string
  confidence: number
  verdict: 'passed' | 'blocked'
  checks: GuardrailCheck[]
}

type Settings = { controlKey: string; confidence: number; plannedVisitorsPerVariant: number | null }

/**
 * The guardrail for `variantKey` against the experiment's control. The control itself always passes (nothing to
 * compare), and so does a check without visitors in an arm: the guardrail blocks on evidence of harm only.
 */
export function checkQualityGuardrail(experiment: Settings, variantKey: string, counts: GuardrailCounts[]): GuardrailVerdict {
  const { controlKey, confidence } = experiment
  const control = counts.find((c) => c.key === controlKey)
  const variant = counts.find((c) => c.key === variantKey)
  const checks = control && variant && variantKey !== controlKey ? GUARDRAIL_CHECKS.map((check) => compare(check, control, variant, experiment)) : []
  return { rule: GUARDRAIL_RULE, variantKey, control: controlKey, confidence, verdict: checks.some((c) => c.isWorse) ? 'blocked' : 'passed', checks }
}

function compare(check: GuardrailCheckKey, control: GuardrailCounts, variant: GuardrailCounts, { confidence, plannedVisitorsPerVariant }: Settings): GuardrailCheck {
  const arm = (c: GuardrailCounts): GuardrailArm => {
    // Capped at visitors like every rollup count (a lead shared by two visitors, a batch landing early).
    const count = Math.min(check === 'hard_rate' ? c.hardConversions : c.sqlLeads, c.visitors)
    return { key: c.key, visitors: c.visitors, count, rate: c.visitors ? count / c.visitors : null }
  }
  const a = arm(control)
  const b = arm(variant)
  const { variants } = analyze({
    variants: [
      { key: a.key, visitors: a.visitors, conversions: a.count },
      { key: b.key, visitors: b.visitors, conversions: b.count },
    ],
    confidence,
    sequential: true,
    ...(plannedVisitorsPerVariant ? { plannedVisitorsPerVariant } : {}),
  })
  const vs = variants[1]!.vsControl!
  const p = vs.sequentialPValue
  const isWorse = p !== null && p < 1 - confidence && b.rate !== null && a.rate !== null && b.rate < a.rate
  return { check, control: a, variant: b, relativeLift: vs.relativeLift, sequentialPValue: p, isWorse }
}

/** Each variant's guardrail counts from rollup totals (`total(key, '')` visitors, `total(key, 'hard')`) and its lead stages. */
export function collectGuardrailCounts(keys: string[], total: (key: string, metric: string) => number, leadStages: { variantKey: string; sql: number }[]): GuardrailCounts[] {
  return keys.map((key) => ({
    key,
    visitors: total(key, ''),
    hardConversions: total(key, 'hard'),
    sqlLeads: leadStages.find((r) => r.variantKey === key)?.sql ?? 0,
  }))
}

/** One check in words: "SQL rate 0.8% against 2% for A (p = 0.003)". */
export function describeGuardrailCheck(c: GuardrailCheck, { say, language }: Speaker = englishSpeaker) {
  const rate = (r: number | null) => (r === null ? say('results.guardrail.noVisitors', {}) : formatRoundedPercent(r, language))
  const evidence = c.sequentialPValue === null ? say('results.guardrail.noData', {}) : formatPValueStatement(c.sequentialPValue, language)
  return say('results.guardrail.check', { check: c.check, variantRate: rate(c.variant.rate), controlRate: rate(c.control.rate), control: c.control.key, evidence })
}

/** The verdict in a sentence, for the page, the history and the winner confirmation; English unless a speaker is given. */
export function describeGuardrail(v: GuardrailVerdict, speaker: Speaker = englishSpeaker) {
  const { say } = speaker
  if (!v.checks.length) return say('results.guardrail.isControl', { variant: v.variantKey })
  const worse = v.checks.filter((c) => c.isWorse)
  const checks = (list: GuardrailCheck[]) => list.map((c) => describeGuardrailCheck(c, speaker)).join('; ')
  if (worse.length) return say('results.guardrail.worse', { variant: v.variantKey, control: v.control, checks: checks(worse) })
  return say('results.guardrail.passed', { variant: v.variantKey, checks: checks(v.checks) })
}
