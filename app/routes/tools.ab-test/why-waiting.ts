import { formatChance, formatConfidence, formatCount, formatPValueStatement } from '#app/components/format'
import type { Analysis } from '#app/statistics/analyze'
import { MIN_VISITORS_PER_VARIANT } from '#app/statistics/decision'

// "Keep collecting: No clear difference" beside "Chance to beat control 99.7%" looks like a contradiction. The
// chance is a Bayesian figure that ignores how often the test is read and how many variants are compared; the
// call waits for the test that does not. This says which gate is still closed, in one sentence.

/** A chance to beat the control this far from a coin flip looks like an answer, so the wait needs explaining. */
const CONVINCING_CHANCE = 0.95

/** The analysis's own settings, with its defaults (AnalyzeInput). */
type Settings = { confidence?: number; sequential?: boolean; plannedVisitorsPerVariant?: number }

export function explainWaiting({ variants, decision }: Pick<Analysis, 'variants' | 'decision'>, { confidence = 0.95, sequential = true, plannedVisitorsPerVariant }: Settings): string | null {
  if (decision.status !== 'collecting' && decision.status !== 'no_difference') return null
  const control = variants.find((v) => !v.vsControl)
  const treatments = variants.filter((v) => v.vsControl?.probabilityToBeatControl != null)
  const [loudest] = treatments.sort((a, b) => distanceFromEven(b) - distanceFromEven(a))
  if (!control || !loudest || distanceFromEven(loudest) < CONVINCING_CHANCE - 0.5) return null
  const c = loudest.vsControl!
  const isAhead = c.probabilityToBeatControl! > 0.5
  const chance = isAhead
    ? `${loudest.key}’s ${formatChance(c.probabilityToBeatControl)} chance to beat ${control.key}`
    : `${loudest.key}’s ${formatChance(1 - c.probabilityToBeatControl!)} chance to lose to ${control.key}`
  const gate = describeClosedGate(variants, c, { confidence, sequential, plannedVisitorsPerVariant })
  return `${capitalize(chance)} is not a call on its own: ${gate}.`
}

function distanceFromEven(v: Analysis['variants'][number]) {
  return Math.abs((v.vsControl?.probabilityToBeatControl ?? 0.5) - 0.5)
}

function describeClosedGate(variants: Analysis['variants'], c: NonNullable<Analysis['variants'][number]['vsControl']>, settings: Required<Omit<Settings, 'plannedVisitorsPerVariant'>> & Settings) {
  const alpha = 1 - settings.confidence
  const thin = variants.find((v) => v.visitors < MIN_VISITORS_PER_VARIANT)
  if (thin) return `every variant needs at least ${MIN_VISITORS_PER_VARIANT} visitors before a call, and ${thin.key} has ${formatCount(thin.visitors)}`
  if (c.significant && !settings.sequential && settings.plannedVisitorsPerVariant !== undefined) {
    return `a fixed-horizon test is read once, at its planned ${formatCount(settings.plannedVisitorsPerVariant)} visitors per variant, and that sample is not reached yet`
  }
  if (c.significant) return `the test is significant but its ${formatConfidence(settings.confidence)} interval still includes no difference, so the call waits for the two to agree`
  const p = settings.sequential ? c.sequentialPValueAdjusted : c.pValueAdjusted
  const test = settings.sequential ? 'the always-valid test, which stays honest however often you check,' : 'the test'
  const evidence = p === null ? '' : ` (${formatPValueStatement(p)}; a call needs below ${Number(alpha.toPrecision(2))})`
  return `${test} has not yet ruled out no difference${evidence}`
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
