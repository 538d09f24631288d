import { and, asc, desc, eq, exists, gte, ilike, inArray, isNotNull, isNull, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { db } from '#app/db.server'
import { fieldErrorsOf } from '#app/http/field-errors'
import { decodeLeadCursor, encodeLeadCursor, type LeadCursor } from '#app/leads/cursor'
import { LeadQuerySchema, type LeadFilters, type LeadSort } from '#app/leads/schema'
import { getScoreRules, leadScoreSql } from '#app/leads/score-rules.server'
import { stagesAtOrAfter } from '#app/kpis/funnel'
import type { FunnelStage } from '#app/kpis/shape'
import { startOfDay, startOfNextDay, UTC } from '#app/time/days'
import { conversions, forms, leads, leadStageChanges, pages } from '#db/schema'

export const DEFAULT_PAGE_SIZE = 50
const MAX_INTERNAL_PAGE_SIZE = 1000 // the API caps at 100 (LeadQuerySchema); the CSV export reads in larger pages

export type LeadListQuery = { filters: LeadFilters; sort: LeadSort; cursor: LeadCursor | null; limit: number }

/**
 * Reads the inbox's query parameters. `lenient` (the admin screen) drops parameters it cannot read and says which;
 * otherwise (the API) they are a 400 naming each one.
 */
export function parseLeadQuery(params: URLSearchParams, { lenient = false } = {}): { ok: true; query: LeadListQuery; ignored: string[] } | { ok: false; errors: Record<string, string[]> } {
  const values: Record<string, string> = Object.fromEntries(params)
  const ignored: string[] = []
  for (;;) {
    const result = LeadQuerySchema.safeParse(values)
    const errors = result.success ? {} : fieldErrorsOf(result.error)
    if (result.success) {
      const { sort = 'newest', cursor: cursorText, limit = DEFAULT_PAGE_SIZE, ...filters } = result.data
      const cursor = cursorText ? decodeLeadCursor(cursorText, sort) : null
      if (!cursorText || cursor) return { ok: true, query: { filters, sort, cursor, limit }, ignored }
      errors.cursor = ['Not a cursor from this listing: pass back `next` unchanged, with the same sort']
    }
    const droppable = Object.keys(errors).filter((key) => key in values)
    if (!lenient || droppable.length === 0) return { ok: false, errors }
    for (const key of droppable) {
      ignored.push(key)
      delete values[key]
    }
  }
}

/** LIKE treats % and _ as wildcards and \ as the escape; a search for "50%" means those characters. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&')

function filterConditions(workspaceId: string, f: LeadFilters, timeZone: string): SQL[] {
  // Erased leads keep their place in counts and experiment results but leave the inbox.
  const conditions: (SQL | undefined)[] = [eq(leads.workspaceId, workspaceId), isNull(leads.erasedAt)]
  if (f.temperature) conditions.push(f.temperature === 'hot' ? isNotNull(leads.hotAt) : isNull(leads.hotAt))
  if (f.stage) conditions.push(eq(leads.stage, f.stage))
  if (f.source) conditions.push(eq(leads.channel, f.source))
  const convertedOn = (condition: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(conversions)
        .where(and(eq(conversions.leadId, leads.id), eq(conversions.workspaceId, workspaceId), condition)),
    )
  if (f.formId) conditions.push(convertedOn(eq(conversions.formId, f.formId)))
  if (f.pageId) conditions.push(convertedOn(eq(conversions.pageId, f.pageId)))
  // Dates are whole days in the workspace's time zone, as the dashboard counts them; "to" includes its day.
  if (f.from) conditions.push(gte(leads.createdAt, startOfDay(f.from, timeZone)))
  if (f.to) conditions.push(lt(leads.createdAt, startOfNextDay(f.to, timeZone)))
  if (f.reached) conditions.push(reachedCondition(f.reached, f.reachedFrom, f.reachedTo, timeZone))
  if (f.touched) {
    const touchedOn = convertedOn(sql`${conversions.touch}->>'channel' = ${f.touched}`)
    conditions.push(or(eq(leads.channel, f.touched), touchedOn))
  }
  if (f.device) conditions.push(eq(leads.device, f.device))
  if (f.conversionType || f.variantKey || f.convertedFrom || f.convertedTo) {
    conditions.push(
      convertedOn(
        and(
          f.pageId ? eq(conversions.pageId, f.pageId) : undefined,
          f.formId ? eq(conversions.formId, f.formId) : undefined,
          f.conversionType ? eq(conversions.conversionType, f.conversionType) : undefined,
          f.variantKey ? eq(conversions.variantKey, f.variantKey) : undefined,
          f.convertedFrom ? gte(conversions.createdAt, startOfDay(f.convertedFrom, timeZone)) : undefined,
          f.convertedTo ? lt(conversions.createdAt, startOfNextDay(f.convertedTo, timeZone)) : undefined,
        )!,
      ),
    )
  }
  if (f.heardAbout) conditions.push(eq(leads.heardAbout, f.heardAbout))
  if (f.confirmation === 'confirmed') conditions.push(isNotNull(leads.confirmedAt))
  if (f.confirmation === 'unconfirmed') conditions.push(isNotNull(leads.confirmationRequestedAt), isNull(leads.confirmedAt))
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`
    conditions.push(or(ilike(leads.email, pattern), ilike(leads.name, pattern), ilike(leads.company, pattern)))
  }
  return conditions.filter((c): c is SQL => c !== undefined)
}

/**
 * A lead reached a funnel stage when its history moves it there or later, or it stands there or later now
 * (app/kpis/funnel.ts); with dates, when the first such move falls in them (for 'lead': when it was created).
 */
function reachedCondition(stage: FunnelStage, from: string | undefined, to: string | undefined, timeZone: string): SQL {
  const stages = stagesAtOrAfter(stage)
  const inDays = (at: SQL | AnyColumn) =>
    and(from ? sql`${at} >= ${startOfDay(from, timeZone).toISOString()}::timestamptz` : undefined, to ? sql`${at} < ${startOfNextDay(to, timeZone).toISOString()}::timestamptz` : undefined)
  if (stage === 'lead') return from || to ? inDays(leads.createdAt)! : sql`true`
  const firstMove = sql`(select min(${leadStageChanges.createdAt}) from ${leadStageChanges}
    where ${leadStageChanges.leadId} = ${leads.id} and ${inArray(leadStageChanges.toStage, stages)})`
  if (from || to) return inDays(firstMove)!
  return or(inArray(leads.stage, stages), sql`${firstMove} is not null`)!
}

// Microseconds matter: a cursor holding a JS Date (milliseconds) would skip rows created in the same millisecond.
const timestampKey = (column: AnyColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** What the inbox, the CSV export and the API list show of a lead; the detail adds to it. */
export const listedLeadColumns = {
  id: leads.id,
  email: leads.email,
  name: leads.name,
  company: leads.company,
  phone: leads.phone,
  hotAt: leads.hotAt,
  stage: leads.stage,
  dealValue: leads.dealValue,
  source: leads.channel,
  heardAbout: leads.heardAbout,
  firstSeenAt: leads.firstSeenAt,
  lastConversionAt: leads.lastConversionAt,
  createdAt: leads.createdAt,
  openedAt: leads.openedAt,
  confirmationRequestedAt: leads.confirmationRequestedAt,
  confirmedAt: leads.confirmedAt,
}

export type LeadListItem = Awaited<ReturnType<typeof listLeads>>['leads'][number]

/** One page of the workspace's leads, and the cursor of the next page (null on the last). Date filters are days in `timeZone`. */
export async function listLeads({
  workspaceId,
  timeZone = UTC,
  filters = {},
  sort = 'newest',
  cursor = null,
  limit = DEFAULT_PAGE_SIZE,
}: { workspaceId: string; timeZone?: string } & Partial<LeadListQuery>) {
  const now = cursor?.now ?? Date.now()
  const { rules } = await getScoreRules({ workspaceId })
  const score = leadScoreSql(rules, now)
  const sortColumn = sort === 'last_conversion' ? leads.lastConversionAt : leads.createdAt
  const sortExpression = sort === 'score' ? score : sortColumn
  const conditions = filterConditions(workspaceId, filters, timeZone)
  if (cursor) {
    const key = sort === 'score' ? sql`${cursor.key}::bigint` : sql`${cursor.key}::timestamptz`
    conditions.push(sql`(${sortExpression}, ${leads.id}) < (${key}, ${cursor.id}::uuid)`)
  }
  const pageSize = Math.min(Math.max(Math.trunc(limit), 1), MAX_INTERNAL_PAGE_SIZE)
  const rows = await db
    .select({ ...listedLeadColumns, score, sortKey: sort === 'score' ? score : timestampKey(sortColumn) })
    .from(leads)
    .where(and(...conditions))
    .orderBy(desc(sortExpression), desc(leads.id))
    .limit(pageSize + 1)
  const page = rows.slice(0, pageSize)
  const last = page.at(-1)
  const next = rows.length > pageSize && last ? encodeLeadCursor({ sort, key: last.sortKey, id: last.id, now }) : null
  return {
    leads: page.map(({ sortKey: _sortKey, ...lead }) => ({ ...lead, temperature: lead.hotAt ? ('hot' as const) : ('cold' as const) })),
    next,
  }
}

/** The forms and pages a lead can be filtered by, for the inbox's filter menus. */
export async function listLeadFilterOptions({ workspaceId }: { workspaceId: string }) {
  const [formOptions, pageOptions] = await Promise.all([
    db.select({ id: forms.id, name: forms.name }).from(forms).where(eq(forms.workspaceId, workspaceId)).orderBy(asc(forms.name)),
    db.select({ id: pages.id, name: pages.name }).from(pages).where(eq(pages.workspaceId, workspaceId)).orderBy(asc(pages.name)),
  ])
  return { forms: formOptions, pages: pageOptions }
}
