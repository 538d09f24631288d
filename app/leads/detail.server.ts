import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm'
import { db } from '#app/db.server'
import { heardAboutLabel, readFormLabels } from '#app/leads/answers'
import { listedLeadColumns } from '#app/leads/list.server'
import { getScoreRules, leadScoreSql } from '#app/leads/score-rules.server'
import { conversions, forms, leadNotes, leadStageChanges, leads, pages, pageViews, users } from '#db/schema'

const JOURNEY_LIMIT = 100

/** A lead of this workspace with everything its detail screen and the API show, or null (callers answer 404). */
export async function getLead({ workspaceId, id }: { workspaceId: string; id: string }) {
  const { rules } = await getScoreRules({ workspaceId })
  const [lead] = await db
    .select({
      ...listedLeadColumns,
      hardConversions: leads.hardConversions,
      softConversions: leads.softConversions,
      pagesViewed: leads.pagesViewed,
      firstTouch: leads.firstTouch,
      lastTouch: leads.lastTouch,
      heardAboutOther: leads.heardAboutOther,
      device: leads.device,
      visitorId: leads.visitorId,
      lastActivityAt: leads.lastActivityAt,
      erasedAt: leads.erasedAt,
      score: leadScoreSql(rules, Date.now()),
    })
    .from(leads)
    .where(and(eq(leads.id, id), eq(leads.workspaceId, workspaceId)))
  if (!lead) return null
  const [leadConversions, stageChanges, notes] = await Promise.all([
    listLeadConversions({ workspaceId, leadId: id }),
    listStageChanges({ workspaceId, leadId: id }),
    listNotes({ workspaceId, leadId: id }),
  ])
  const { visitorId, ...rest } = lead
  // An erased lead's journey is not shown: the page views are the browsing of a person who asked to be forgotten.
  const journey = lead.erasedAt ? [] : await listJourney({ workspaceId, visitorIds: [visitorId, ...leadConversions.map((c) => c.visitorId)], until: lead.lastConversionAt })
  return {
    ...rest,
    temperature: lead.hotAt ? ('hot' as const) : ('cold' as const),
    // The answer as the visitor chose it, from the forms this lead converted on (newest first).
    heardAboutLabel: heardAboutLabel(lead.heardAbout, leadConversions),
    conversions: leadConversions.map(({ visitorId: _visitorId, heardAboutKeys: _keys, ...c }) => c),
    stageChanges,
    notes,
    journey,
  }
}
export type LeadDetail = NonNullable<Awaited<ReturnType<typeof getLead>>>

async function listLeadConversions({ workspaceId, leadId }: { workspaceId: string; leadId: string }) {
  const rows = await db
    .select({
      id: conversions.id,
      createdAt: conversions.createdAt,
      conversionType: conversions.conversionType,
      formId: conversions.formId,
      formName: forms.name,
      formDefinition: forms.definition,
      pageId: conversions.pageId,
      pageName: pages.name,
      pageSlug: pages.slug,
      variantKey: conversions.variantKey,
      answers: conversions.answers,
      touch: conversions.touch,
      firstTouch: conversions.firstTouch,
      device: conversions.device,
      firstSeenAt: conversions.firstSeenAt,
      visitorId: conversions.visitorId,
    })
    .from(conversions)
    .leftJoin(forms, and(eq(forms.id, conversions.formId), eq(forms.workspaceId, workspaceId)))
    .leftJoin(pages, and(eq(pages.id, conversions.pageId), eq(pages.workspaceId, workspaceId)))
    .where(and(eq(conversions.leadId, leadId), eq(conversions.workspaceId, workspaceId)))
    .orderBy(desc(conversions.createdAt))
  return rows.map(({ formDefinition, ...c }) => ({
    ...c,
    ...readFormLabels(formDefinition?.fields),
    /** From the visitor's first visit to this conversion; null when the first visit is unknown. */
    timeToConvertMs: c.firstSeenAt ? Math.max(0, c.createdAt.getTime() - c.firstSeenAt.getTime()) : null,
  }))
}

function listStageChanges({ workspaceId, leadId }: { workspaceId: string; leadId: string }) {
  return db
    .select({
      id: leadStageChanges.id,
      fromStage: leadStageChanges.fromStage,
      toStage: leadStageChanges.toStage,
      dealValue: leadStageChanges.dealValue,
      source: leadStageChanges.source,
      changedByName: users.name,
      createdAt: leadStageChanges.createdAt,
    })
    .from(leadStageChanges)
    .leftJoin(users, eq(users.id, leadStageChanges.changedBy))
    .where(and(eq(leadStageChanges.leadId, leadId), eq(leadStageChanges.workspaceId, workspaceId)))
    .orderBy(desc(leadStageChanges.createdAt), desc(leadStageChanges.id))
}

function listNotes({ workspaceId, leadId }: { workspaceId: string; leadId: string }) {
  return db
    .select({ id: leadNotes.id, body: leadNotes.body, authorName: users.name, createdAt: leadNotes.createdAt })
    .from(leadNotes)
    .leftJoin(users, eq(users.id, leadNotes.authorId))
    .where(and(eq(leadNotes.leadId, leadId), eq(leadNotes.workspaceId, workspaceId)))
    .orderBy(desc(leadNotes.createdAt), desc(leadNotes.id))
}

/** The pages this visitor saw up to their latest conversion, oldest first (the last JOURNEY_LIMIT of them). */
async function listJourney({ workspaceId, visitorIds, until }: { workspaceId: string; visitorIds: (string | null)[]; until: Date }) {
  const ids = [...new Set(visitorIds.filter((v): v is string => v !== null))]
  if (ids.length === 0) return []
  const rows = await db
    .select({
      id: pageViews.id,
      viewedAt: pageViews.viewedAt,
      pageId: pageViews.pageId,
      pageName: pages.name,
      path: pageViews.path,
      variantKey: pageViews.variantKey,
      channel: pageViews.channel,
    })
    .from(pageViews)
    .leftJoin(pages, eq(pages.id, pageViews.pageId))
    .where(and(eq(pageViews.workspaceId, workspaceId), inArray(pageViews.visitorId, ids), lte(pageViews.viewedAt, until)))
    .orderBy(desc(pageViews.viewedAt), desc(pageViews.id))
    .limit(JOURNEY_LIMIT)
  return rows.reverse()
}

/** Marks the lead as seen the first time a member opens it: a new hot lead stops standing out in the inbox. */
export async function markLeadOpened({ workspaceId, id }: { workspaceId: string; id: string }) {
  await db
    .update(leads)
    .set({ openedAt: new Date() })
    .where(and(eq(leads.id, id), eq(leads.workspaceId, workspaceId), isNull(leads.openedAt)))
}

/** Adds a note; null when the lead is not in this workspace or was erased (callers answer 404). */
export async function addLeadNote({ workspaceId, leadId, authorId, body }: { workspaceId: string; leadId: string; authorId: string | null; body: string }) {
  const [lead] = await db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, workspaceId), isNull(leads.erasedAt)))
  if (!lead) return null
  const [note] = await db.insert(leadNotes).values({ workspaceId, leadId, authorId, body }).returning({ id: leadNotes.id })
  return note!
}
