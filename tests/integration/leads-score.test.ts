import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '#app/db.server'
import { listLeads } from '#app/leads/list.server'
import { computeLeadScore, DEFAULT_SCORE_RULES, type ScoreRules } from '#app/leads/score'
import { getScoreRules, leadScoreSql, saveScoreRules } from '#app/leads/score-rules.server'
import { DAY_MS as DAY } from '#app/time/days'
import { leads } from '#db/schema'
import { insertLead, insertWorkspace } from '#tests/factories/lead-rows'

// A fixed-seed generator: the cases are many and varied, and a failure reproduces.
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
}

const RULE_SETS: ScoreRules[] = [
  DEFAULT_SCORE_RULES,
  { ...DEFAULT_SCORE_RULES, pointsPerSoft: 1 },
  { pointsPerHard: 7, pointsPerSoft: 3, pointsPerPageView: 2, maxPageViewPoints: 9, halfLifeDays: 1.5, mqlThreshold: null },
  { pointsPerHard: 1000, pointsPerSoft: 0, pointsPerPageView: 100, maxPageViewPoints: 1000, halfLifeDays: 3650, mqlThreshold: 10 },
  { pointsPerHard: 1, pointsPerSoft: 1, pointsPerPageView: 0, maxPageViewPoints: 0, halfLifeDays: 7.25, mqlThreshold: 1 },
]

test('the SQL score equals computeLeadScore, lead by lead, for several rule sets', async () => {
  const workspaceId = await insertWorkspace()
  const next = random(42)
  const now = Date.UTC(2026, 10, 22, 12, 0, 0, 0)
  const ages: number[] = [0, 1.5, 7.25, 30, 60, 3650, -2, 0.000001] // half-lives exactly, the future, a hair
  for (let i = 0; i < 192; i++) ages.push(next() < 0.5 ? Math.floor(next() * 400) : next() * 400)
  const cases = ages.map((days, i) => ({
    hardConversions: i % 5 === 0 ? 0 : Math.floor(next() * 6),
    softConversions: Math.floor(next() * 12),
    pagesViewed: i % 7 === 0 ? 500 : Math.floor(next() * 40),
    lastActivityAt: new Date(now - Math.round(days * DAY)),
  }))
  // Ties exactly at .5 (with 1 point per soft conversion): 1 point at one half-life is 0.5, 3 points 1.5.
  cases.push({ hardConversions: 0, softConversions: 1, pagesViewed: 0, lastActivityAt: new Date(now - 30 * DAY) })
  cases.push({ hardConversions: 0, softConversions: 3, pagesViewed: 0, lastActivityAt: new Date(now - 30 * DAY) })
  const ids = new Map<string, (typeof cases)[number]>()
  for (const c of cases) ids.set((await insertLead({ workspaceId, ...c })).id, c)

  let compared = 0
  for (const rules of RULE_SETS) {
    const rows = await db
      .select({ id: leads.id, score: leadScoreSql(rules, now) })
      .from(leads)
      .where(eq(leads.workspaceId, workspaceId))
    expect(rows).toHaveLength(cases.length)
    for (const row of rows) {
      const c = ids.get(row.id)!
      const expected = computeLeadScore({ ...c, daysSinceLastActivity: (now - c.lastActivityAt.getTime()) / DAY }, rules)
      expect(row.score, JSON.stringify({ c, rules })).toBe(expected)
      compared++
    }
  }
  expect(compared).toBe(cases.length * RULE_SETS.length)
  // The ties round up, like Math.round (and computeLeadScore agrees), not to even like SQL round().
  const onePointEach = { ...DEFAULT_SCORE_RULES, pointsPerSoft: 1 }
  expect(computeLeadScore({ hardConversions: 0, softConversions: 1, pagesViewed: 0, daysSinceLastActivity: 30 }, onePointEach)).toBe(1)
  const ties = await db
    .select({ soft: leads.softConversions, score: leadScoreSql(onePointEach, now) })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.hardConversions, 0), eq(leads.pagesViewed, 0), eq(leads.lastActivityAt, new Date(now - 30 * DAY))))
    .orderBy(leads.softConversions)
  expect(ties).toEqual([
    { soft: 1, score: 1 },
    { soft: 3, score: 2 },
  ])
})

test("the inbox scores with the workspace's own rules, sorted high to low", async () => {
  const workspaceId = await insertWorkspace()
  const hot = await insertLead({ workspaceId, hardConversions: 2 })
  const warm = await insertLead({ workspaceId, softConversions: 3, pagesViewed: 4 })
  const cold = await insertLead({ workspaceId, pagesViewed: 1 })
  let page = await listLeads({ workspaceId, sort: 'score' })
  expect(page.leads.map((l) => [l.id, l.score])).toEqual([
    [hot.id, 60],
    [warm.id, 34],
    [cold.id, 1],
  ])

  await saveScoreRules({ workspaceId, rules: { ...DEFAULT_SCORE_RULES, pointsPerHard: 5, pointsPerSoft: 50 } })
  expect(await getScoreRules({ workspaceId })).toMatchObject({ isDefault: false, rules: { pointsPerSoft: 50 } })
  page = await listLeads({ workspaceId, sort: 'score' })
  expect(page.leads.map((l) => [l.id, l.score])).toEqual([
    [warm.id, 154],
    [hot.id, 10],
    [cold.id, 1],
  ])

  await saveScoreRules({ workspaceId, rules: null })
  expect(await getScoreRules({ workspaceId })).toEqual({ isDefault: true, rules: DEFAULT_SCORE_RULES })
})
