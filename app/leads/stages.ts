import type { LeadStage } from '#db/schema'

// The funnel's stages, in order. A copy of db/schema.ts `leadStages` because that module pulls drizzle into the
// browser bundle; the two `satisfies` checks below fail typechecking as soon as the lists disagree.
export const LEAD_STAGES = ['lead', 'mql', 'sql', 'opportunity', 'customer', 'lost'] as const satisfies readonly LeadStage[]
const _sameStages: readonly (typeof LEAD_STAGES)[number][] = [] as LeadStage[]
void _sameStages

export const STAGE_LABELS: Record<LeadStage, string> = {
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  customer: 'Customer',
  lost: 'Lost',
}

/** Only an offer or a signed deal has a value; earlier stages and lost leads carry none. */
export const DEAL_VALUE_STAGES: readonly LeadStage[] = ['opportunity', 'customer']
export const hasDealValue = (stage: string) => (DEAL_VALUE_STAGES as readonly string[]).includes(stage)
