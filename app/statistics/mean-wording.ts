// The decision's sentences for a mean metric, pipeline (deal value per visitor). Money-neutral on
// purpose: the deal values are in the workspace's own currency, which the statistics do not know,
// so the sentences speak of relative changes only ("12% more pipeline per visitor").
//
// Whole messages of the catalogues' `statistics` section (statistics.pipeline*), as wording.ts says the conversion
// ones: the API and auto-ship in English (`pipelineWording`), a screen in its reader's language (`pipelineWordingIn`).

import { formatCount } from '#app/components/format'
import { sayInEnglish, type Say } from '#app/i18n/sentences'
import type { Interval } from './intervals'
import { comparison, sayRange, type DecisionWording } from './wording'

/** The pipeline decision's sentences in the language `say` speaks. */
export function pipelineWordingIn(say: Say, language: string): DecisionWording {
  const range = (interval: Interval | null, joiner?: 'to' | 'and') => sayRange(say, language, interval, joiner)
  return {
    describeWinner: (best, control, winnerCount, confidence) =>
      say('statistics.pipelineWinner', { ...comparison(best, control, language), confidence, range: range(best.relativeLiftCi), winners: winnerCount }),
    describeControlWin(treatments, control, confidence) {
      if (treatments.length === 1) {
        return say('statistics.pipelineControlWinsOne', { ...comparison(treatments[0]!, control, language), confidence, range: range(treatments[0]!.relativeLiftCi) })
      }
      const list = treatments.map((t) => say('statistics.pipelineLessItem', comparison(t, control, language))).join(', ')
      return say('statistics.pipelineControlWinsAll', { control: control.key, list })
    },
    describeNoDifference(treatments, control, confidence) {
      const fewest = formatCount(Math.min(control.visitors, ...treatments.map((t) => t.visitors)), 0, language)
      const intervals = treatments.map((t) => t.relativeLiftCi).filter((ci): ci is Interval => ci !== null)
      if (intervals.length === 0) return say('statistics.pipelineNoDifferenceYet', { fewest, control: control.key })
      const bounds: Interval = [Math.min(...intervals.map((ci) => ci[0])), Math.max(...intervals.map((ci) => ci[1]))]
      const values = { fewest, control: control.key, variant: treatments[0]!.key, confidence, range: range(bounds, 'and') }
      return say(treatments.length === 1 ? 'statistics.pipelineNoDifferenceOne' : 'statistics.pipelineNoDifferenceAll', values)
    },
    describeEarlyLook: (arm, control, isBetter, planned) =>
      say('statistics.pipelineEarlyLook', { ...comparison(arm, control, language), direction: isBetter ? 'better' : 'worse', planned: formatCount(planned, 0, language) }),
    describeOpenQuestion(treatments, control, confidence) {
      const ranges = treatments.map((t) => say('statistics.rangeItem', { variant: t.key, range: range(t.relativeLiftCi) })).join('; ')
      return say('statistics.pipelineOpenQuestion', { control: control.key, ranges, confidence })
    },
  }
}

/** The pipeline sentences in English: the API's, auto-ship's and every screen's until it asks for another language. */
export const pipelineWording: DecisionWording = pipelineWordingIn(sayInEnglish, 'en')
