import { and, desc, eq, sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { assignVariant } from '#app/experiments/bucketing'
import { experiments, type ExperimentStatus, type ExperimentVariantJson } from '#db/schema'

// Which variant a page view gets when the page has an experiment, and the sticky cookie that keeps it.

export type ServedExperiment = {
  id: string
  status: ExperimentStatus
  seed: number
  bucketingVersion: number
  variants: ExperimentVariantJson[]
  controlKey: string
  coverage: number
  winnerKey: string | null
  cookieName: string
  /** Reads this experiment's assignment from a Cookie header; built once per load, not per request. */
  cookiePattern: RegExp
  /** The Set-Cookie value that keeps each variant, by key: built once per load, not per request. */
  assignmentCookies: Map<string, string>
  /** The same with Secure, for requests that came over HTTPS. */
  secureAssignmentCookies: Map<string, string>
}

/** The experiment a page's visitors are subject to: running or paused, else the latest concluded with a winner. */
export async function findServingExperiment(pageId: string): Promise<ServedExperiment | null> {
  const [row] = await db
    .select({
      id: experiments.id,
      status: experiments.status,
      seed: experiments.seed,
      bucketingVersion: experiments.bucketingVersion,
      variants: experiments.variants,
      controlKey: experiments.controlKey,
      coverage: experiments.coverage,
      winnerKey: experiments.winnerKey,
    })
    .from(experiments)
    .where(and(eq(experiments.pageId, pageId), sql`(${experiments.status} in ('running', 'paused') or (${experiments.status} = 'concluded' and ${experiments.winnerKey} is not null))`))
    .orderBy(sql`${experiments.status} in ('running', 'paused') desc`, desc(experiments.concludedAt))
    .limit(1)
  if (!row) return null
  const cookieName = assignmentCookieName(row.id)
  const assignmentCookies = new Map(row.variants.map((v) => [v.key, assignmentCookie(cookieName, v.key, false)]))
  const secureAssignmentCookies = new Map(row.variants.map((v) => [v.key, assignmentCookie(cookieName, v.key, true)]))
  return { ...row, cookieName, cookiePattern: new RegExp(`(?:^|;\\s*)${cookieName}=([A-Z]{1,2})(?:;|$)`), assignmentCookies, secureAssignmentCookies }
}

const ASSIGNMENT_DAYS = 90
export const assignmentCookieName = (experimentId: string) => `sf_x_${experimentId.replace(/-/g, '').slice(0, 12)}`

/** The variant this browser was first given in the experiment, from its cookie. */
export function readStickyVariant(cookieHeader: string | undefined, experiment: ServedExperiment): string | null {
  if (!cookieHeader || !cookieHeader.includes(experiment.cookieName)) return null
  const key = experiment.cookiePattern.exec(cookieHeader)?.[1]
  return key && experiment.variants.some((v) => v.key === key) ? key : null
}

/** `cap`: the longest the workspace lets it last after consent (cookieDays, in seconds), if less than 90 days. */
export const assignmentCookie = (cookieName: string, variantKey: string, secure: boolean, cap: number | null = null) =>
  `${cookieName}=${variantKey}; Max-Age=${Math.min(ASSIGNMENT_DAYS * 24 * 3600, cap ?? Infinity)}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`

export type VariantDecision = {
  variantKey: string
  /** First time this visitor is given a variant in a running experiment: count it and set the sticky cookie. */
  isFirstExposure: boolean
}

/**
 * The variant for a page view. Running: the sticky cookie if any, else the hash of (seed, visitor) — covered
 * visitors are exposed, the rest see the control uncounted. A view that may not identify its visitor passes no
 * cookie header and its own random view id: the same hash, drawn for that view alone (coverage and weights hold). Paused: everyone sees the control. Concluded with a
 * winner: everyone sees the winner. Without a visitor id (bots, prefetches of new visitors): the control.
 */
export function decideVariant(experiment: ServedExperiment, { cookieHeader, visitorId }: { cookieHeader: string | undefined; visitorId: string | null }): VariantDecision {
  if (experiment.status === 'concluded') return { variantKey: experiment.winnerKey ?? experiment.controlKey, isFirstExposure: false }
  if (experiment.status !== 'running') return { variantKey: experiment.controlKey, isFirstExposure: false }
  const sticky = readStickyVariant(cookieHeader, experiment)
  if (sticky) return { variantKey: sticky, isFirstExposure: false }
  if (!visitorId) return { variantKey: experiment.controlKey, isFirstExposure: false }
  const assignment = assignVariant(experiment, visitorId)
  return { variantKey: assignment.variantKey, isFirstExposure: assignment.inExperiment }
}
