import { formatChance, formatConfidence, formatCount, formatPValueStatement, numberLocale } from '#app/components/format'
import { englishSpeaker, type Speaker } from '#app/i18n/sentences'
import type { Analysis } from '#app/statistics/analyze'
import { MIN_VISITORS_PER_VARIANT } from '#app/statistics/decision'

// "Keep collecting: No clear difference" beside "Chance to beat control 99.7%" looks like a contradiction. The
// chance is a Bayesian figure that ignores how often the test is read and how many variants are compared; the
// call waits for the test that does not. This says which gate is still closed, in one sentence.

/** A chance to beat the control this far from a coin flip looks like an answer, so the wait needs explaining. */
const CONVINCING_CHANCE = 0.95

/** The analysis's own settings, with its defaults (AnalyzeInput). */
type Settings = { confidence?: number; sequential?: boolean; plannedVisitorsPerVariant?: number }

/** The sentence in the speaker's language (calculators.whyWaiting), or null when nothing needs explaining. */
export function explainWaiting(
  { variants, decision }: Pick<Analysis, 'variants' | 'decision'>,
  { confidence = 0.95, sequential = true, plannedVisitorsPerVariant }: Settings,
  speaker: Speaker = englishSpeaker,
): string | null {
  if (decision.status !== 'collecting' && decision.status !== 'no_difference') return null
  const control = variants.find((v) => !v.vsControl)
  const treatments = variants.filter((v) => v.vsControl?.probabilityToBeatControl != null)
  const [loudest] = treatments.sort((a, b) => distanceFromEven(b) - distanceFromEven(a))
  if (!control || !loudest || distanceFromEven(loudest) < CONVINCING_CHANCE - 0.5) return null
  const c = loudest.vsControl!
  const isAhead = c.probabilityToBeatControl! > 0.5
  const { say, language } = speaker
  const chance = formatChance(isAhead ? c.probabilityToBeatControl : 1 - c.probabilityToBeatControl!, language)
  const gate = describeClosedGate(speaker, variants, c, { confidence, sequential, plannedVisitorsPerVariant })
  return say('calculators.whyWaiting.sentence', { variant: capitalize(loudest.key), control: control.key, chance, direction: isAhead ? 'beat' : 'lose', gate })
}

function distanceFromEven(v: Analysis['variants'][number]) {
  return Math.abs((v.vsControl?.probabilityToBeatControl ?? 0.5) - 0.5)
}

function describeClosedGate(
  { say, language }: Speaker,
  variants: Analysis['variants'],
  c: NonNullable<Analysis['variants'][number]['vsControl']>,
  settings: Required<Omit<Settings, 'plannedVisitorsPerVariant'>> & Settings,
) {
  const alpha = 1 - settings.confidence
  const thin = variants.find((v) => v.visitors < MIN_VISITORS_PER_VARIANT)
  if (thin) return say('calculators.whyWaiting.tooFew', { minimum: formatCount(MIN_VISITORS_PER_VARIANT, 0, language), variant: thin.key, visitors: formatCount(thin.visitors, 0, language) })
  if (c.significant && !settings.sequential && settings.plannedVisitorsPerVariant !== undefined) {
    return say('calculators.whyWaiting.fixedNotReached', { planned: formatCount(settings.plannedVisitorsPerVariant, 0, language) })
  }
  if (c.significant) return say('calculators.whyWaiting.intervalDisagrees', { confidence: formatConfidence(settings.confidence, language) })
  const p = settings.sequential ? c.sequentialPValueAdjusted : c.pValueAdjusted
  return say('calculators.whyWaiting.notRuledOut', {
    sequential: settings.sequential ? 'yes' : 'no',
    hasP: p === null ? 'no' : 'yes',
    pValue: p === null ? '' : formatPValueStatement(p, language),
    alpha: Number(alpha.toPrecision(2)).toLocaleString(numberLocale(language), { maximumFractionDigits: 20 }),
  })
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
