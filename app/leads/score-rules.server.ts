import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { changed } from '#app/changes/signal'
import { db } from '#app/db.server'
import { readScoreRules, type ScoreRules } from '#app/leads/score'
import { leads, workspaces } from '#db/schema'

/** The workspace's rules; the documented defaults when it never changed them (or stored something unreadable). */
export async function getScoreRules({ workspaceId }: { workspaceId: string }): Promise<{ rules: ScoreRules; isDefault: boolean }> {
  const [row] = await db.select({ scoreRules: workspaces.scoreRules }).from(workspaces).where(eq(workspaces.id, workspaceId))
  return readScoreRules(row?.scoreRules)
}

/** Stores tuned rules; null goes back to the defaults (and follows them if they change in a later release). */
export async function saveScoreRules({ workspaceId, rules }: { workspaceId: string; rules: ScoreRules | null }) {
  await db.update(workspaces).set({ scoreRules: rules }).where(eq(workspaces.id, workspaceId))
  changed({ kind: 'score-rules', workspaceId })
}

/**
 * computeLeadScore (app/leads/score.ts) as SQL over a `leads` row, so the inbox can sort and page by score.
 * Same steps in the same float8 order: clamp counts, cap page-view points, age in days from whole milliseconds
 * (what a JS Date holds), never negative, halve per half-life, then round half up like Math.round (floor of
 * x + 0.5 would round 0.49999999999999994 up). `now` is passed in, not the database clock, so a page of results
 * and the TypeScript function agree. tests/integration/leads-score.test.ts compares both on many cases.
 */
export function leadScoreSql(rules: ScoreRules, now: number): SQL<number> {
  const f = (n: number) => sql`${n}::float8`
  const count = (column: AnyColumn) => sql`greatest(${column}, 0)::float8`
  const pageViewPoints = sql`least(${count(leads.pagesViewed)} * ${f(rules.pointsPerPageView)}, ${f(rules.maxPageViewPoints)})`
  const raw = sql`(${count(leads.hardConversions)} * ${f(rules.pointsPerHard)} + ${count(leads.softConversions)} * ${f(rules.pointsPerSoft)} + ${pageViewPoints})`
  const lastActivityMs = sql`floor(extract(epoch from ${leads.lastActivityAt}) * 1000)::float8`
  const days = sql`greatest(0::float8, (${f(now)} - ${lastActivityMs}) / 86400000::float8)`
  const halvings = sql`(${days} / ${f(rules.halfLifeDays)})`
  // PostgreSQL raises "underflow" where JS quietly returns 0; past 1000 halvings any real score rounds to 0 anyway.
  const x = sql`(${raw} * case when ${halvings} > 1000 then 0::float8 else power(0.5::float8, ${halvings}) end)`
  return sql<number>`(floor(${x}) + case when ${x} - floor(${x}) >= 0.5 then 1 else 0 end)::bigint`.mapWith(Number)
}
