import { z } from 'zod'

// A lead's score: what it did (hard conversions weigh most, page views a little and capped), fading with time since
// its last activity, so an old burst of interest does not look like a hot lead today. Pure and shared by the
// settings form (browser) and the scoring job (server).

export const ScoreRulesSchema = z.object({
  pointsPerHard: z.number().int().min(0).max(1000),
  pointsPerSoft: z.number().int().min(0).max(1000),
  pointsPerPageView: z.number().int().min(0).max(100),
  maxPageViewPoints: z.number().int().min(0).max(1000),
  halfLifeDays: z.number().min(1, 'Use a half-life of at least 1 day').max(3650, 'Use a half-life of at most 3650 days'),
  /** Score at which a lead becomes an MQL automatically; null leaves qualifying to people. */
  mqlThreshold: z.number().int().min(1).max(100_000).nullable(),
})
export type ScoreRules = z.infer<typeof ScoreRulesSchema>

export const DEFAULT_SCORE_RULES: ScoreRules = {
  pointsPerHard: 30,
  pointsPerSoft: 10,
  pointsPerPageView: 1,
  maxPageViewPoints: 20,
  halfLifeDays: 30,
  mqlThreshold: 50,
}

/** Stored rules (workspaces.score_rules) as rules: the documented defaults when unset or unreadable. */
export function readScoreRules(json: unknown): { rules: ScoreRules; isDefault: boolean } {
  const parsed = ScoreRulesSchema.safeParse(json)
  return parsed.success ? { rules: parsed.data, isDefault: false } : { rules: DEFAULT_SCORE_RULES, isDefault: true }
}

export type LeadActivity = {
  hardConversions: number
  softConversions: number
  pagesViewed: number
  daysSinceLastActivity: number
}

/** Counts are whole and never negative; a bad count (NaN, -1) scores as 0 rather than poisoning the total. */
const count = (n: number) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0)

export function computeLeadScore(activity: LeadActivity, rules: ScoreRules = DEFAULT_SCORE_RULES): number {
  const pageViewPoints = Math.min(count(activity.pagesViewed) * rules.pointsPerPageView, rules.maxPageViewPoints)
  const raw = count(activity.hardConversions) * rules.pointsPerHard + count(activity.softConversions) * rules.pointsPerSoft + pageViewPoints
  // Activity "in the future" (clock skew) counts as today, not as a bonus; an unknown age counts as long ago,
  // because missing an automatic MQL is cheaper than sending sales a wrong one.
  const days = Number.isFinite(activity.daysSinceLastActivity) ? Math.max(0, activity.daysSinceLastActivity) : Infinity
  return Math.round(raw * 0.5 ** (days / rules.halfLifeDays))
}

/**
 * Whether a lead should move to MQL now. Only from 'lead': a person may have moved it further on (or marked it
 * lost), and an automatic rule must never undo that.
 */
export function shouldAutoQualify(score: number, rules: ScoreRules, currentStage: string): boolean {
  return rules.mqlThreshold !== null && score >= rules.mqlThreshold && currentStage === 'lead'
}
