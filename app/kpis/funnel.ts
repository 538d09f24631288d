import { rate } from '#app/kpis/formulas'
import { FUNNEL_STAGES, type FunnelStage } from '#app/kpis/shape'

// A lead has reached a stage when its history moves it there or to any later stage (a lead moved straight from
// Lead to SQL has reached MQL too), or when it stands at or after it now; losing a lead does not undo what it
// reached. The dashboard's funnel counts, per stage, the leads whose first such move fell in the period
// (docs/decisions/062-customer-definition.md), so its stage-to-stage rates compare counts of the same period and
// can pass 100 % when leads from earlier periods move on.

const RANK: Record<string, number> = Object.fromEntries(FUNNEL_STAGES.map((stage, i) => [stage, i]))

/** The funnel stages `stage` counts for: itself and every stage before it ('lost' reaches nothing by itself). */
export function stagesReachedBy(stage: string): FunnelStage[] {
  const rank = RANK[stage]
  return rank === undefined ? [] : FUNNEL_STAGES.slice(0, rank + 1)
}

/** The stages at or after `stage`, that is the moves that mean `stage` was reached. */
export function stagesAtOrAfter(stage: FunnelStage): FunnelStage[] {
  return FUNNEL_STAGES.slice(RANK[stage])
}

export type FunnelCounts = Record<FunnelStage, number>

/** Stage-to-stage rates: each step over the step before, and the headline rates. */
export function funnelRates(counts: FunnelCounts, visitors: number | null) {
  return {
    fromPrevious: Object.fromEntries(FUNNEL_STAGES.map((stage, i) => [stage, i === 0 ? null : rate(counts[stage], counts[FUNNEL_STAGES[i - 1]!])])) as Record<FunnelStage, number | null>,
    visitorToMql: rate(counts.mql, visitors),
    mqlToSql: rate(counts.sql, counts.mql),
    sqlToWon: rate(counts.customer, counts.sql),
    leadToCustomer: rate(counts.customer, counts.lead),
  }
}
