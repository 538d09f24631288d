import { and, count, eq, min, sql } from 'drizzle-orm'
import { db, isUniqueViolation, queryRows } from '#app/db.server'
import type { Answers, LeadIdentity } from '#app/forms/validation'
import { getConversionContext } from '#app/conversions/conversion-context.server'
import { experimentConversionCall } from '#app/experiments/counting.server'
import { computeLeadScore, shouldAutoQualify, type ScoreRules } from '#app/leads/score'
import { rateLimitHit, readRateLimit, type RateLimitResult } from '#app/rate-limits/rate-limit.server'
import { changeLeadStage } from '#app/leads/stage.server'
import { enqueueLeadAlert, shouldAlert } from '#app/alerts/alerts.server'
import { labelledAnswers, type AlertLead } from '#app/alerts/content'
import type { FormAlerts } from '#app/alerts/schema'
import { enqueueVisitorMail, type VisitorMailPlan } from '#app/leads/visitor-mail.server'
import { mailQueued } from '#app/mail/outbox.server'
import { enqueueWebhookEvents, type WebhookEventInput } from '#app/webhooks/outbox.server'
import { conversions, pageViews, spamSubmissions, type TouchJson } from '#db/schema'

// The durable half of a submission: the conversion, its lead and, for an experiment's visitor, its counting in the
// experiment, written in one transaction that commits before the visitor gets an answer. The same idempotency key
// twice (double click, a retry after a timeout) yields the first conversion's ids and writes nothing.

export type ConversionInput = {
  workspaceId: string
  formId: string
  formName: string
  pageId: string
  variantKey: string
  experimentId: string | null
  /** The visitor id is a page view's own (a view counted cookieless, decision 083): its exposure's unit is that view. */
  cookieless?: boolean
  conversionType: 'soft' | 'hard'
  visitorId: string | null
  idempotencyKey: string
  answers: Answers
  identity: LeadIdentity
  touch: TouchJson
  firstTouch: TouchJson | null
  device: string
  startedAt: Date | null
  /** The form's lead alerts, with what they tell that the conversion row does not hold. */
  alerts?: { config: FormAlerts; pagePath: string; fields: unknown[] }
  /** Mail to the visitor this form sends (planVisitorMail), queued in the conversion's transaction. */
  visitorMail?: VisitorMailPlan | null
}

export type RecordedConversion = { leadId: string; conversionId: string; isDuplicate: boolean } | { limited: Extract<RateLimitResult, { ok: false }> }
/** A rate limit counted in the same statement: over the limit, nothing is stored. */
export type RateLimitGate = { key: string; limit: number; windowSeconds: number }

/** What the visitor did before converting, from the page views already written (a second or more ago). */
async function visitorHistory(visitorId: string | null) {
  if (!visitorId) return { pagesViewed: 0, firstViewAt: null }
  const [row] = await db
    .select({ pagesViewed: count(), firstViewAt: min(pageViews.viewedAt) })
    .from(pageViews)
    .where(eq(pageViews.visitorId, visitorId))
  return { pagesViewed: row?.pagesViewed ?? 0, firstViewAt: row?.firstViewAt ?? null }
}

function earliest(...dates: (Date | string | null | undefined)[]) {
  const times = dates
    .filter(Boolean)
    .map((d) => new Date(d!).getTime())
    .filter(Number.isFinite)
  return times.length ? new Date(Math.min(...times)) : null
}

/**
 * Records a conversion and upserts its lead in ONE statement (one round trip, atomic on its own), which also
 * counts it in its visitor's experiment, so the acknowledgement covers the count too. Webhook
 * events go into the outbox in the same transaction when the workspace has webhooks, and so does the form's lead
 * alert (app/alerts/) when this conversion created the lead or made it hot, as the form asks. An automatic MQL
 * move follows in its own transaction (re-evaluated at the next conversion if that one ever failed).
 */
export async function recordConversion(input: ConversionInput, { rateLimit }: { rateLimit?: RateLimitGate } = {}): Promise<RecordedConversion> {
  const [{ scoreRules, hasWebhooks }, history] = await Promise.all([getConversionContext(input.workspaceId), visitorHistory(input.visitorId)])
  const firstSeenAt = earliest(input.firstTouch?.at, history.firstViewAt, input.startedAt) ?? new Date()
  const statement = conversionStatement(input, { firstSeenAt, pagesViewed: history.pagesViewed, rateLimit })
  let row: RecordedRow
  let mailsQueued = 0
  try {
    if (!hasWebhooks && !input.alerts && !input.visitorMail) [row] = (await queryRows<RecordedRow>(db, statement)) as [RecordedRow]
    else {
      row = await db.transaction(async (tx) => {
        const [recorded] = (await queryRows<RecordedRow>(tx, statement)) as [RecordedRow]
        if (!recorded.lead_id) return recorded
        if (hasWebhooks) await enqueueWebhookEvents(tx, { workspaceId: input.workspaceId, events: webhookEvents(input, recorded, autoStage(recorded, scoreRules)) })
        if (input.alerts && shouldAlert(input.alerts.config.on, { isNew: recorded.is_new, isNewlyHot: recorded.is_newly_hot })) {
          mailsQueued += await enqueueLeadAlert(tx, { workspaceId: input.workspaceId, alerts: input.alerts.config, lead: alertLead(input, recorded) })
        }
        if (input.visitorMail) {
          const { workspaceId, visitorMail: plan } = input
          const queued = await enqueueVisitorMail(tx, { workspaceId, leadId: recorded.lead_id, conversionId: recorded.conversion_id, email: recorded.email, plan })
          if (queued !== null) mailsQueued += 1
        }
        return recorded
      })
    }
  } catch (error) {
    if (!isUniqueViolation(error, 'conversions_idempotency_key')) throw error
    // A retry: the first attempt committed (we waited on its row lock), so its ids are visible now.
    const [first] = await db
      .select({ id: conversions.id, leadId: conversions.leadId })
      .from(conversions)
      .where(and(eq(conversions.workspaceId, input.workspaceId), eq(conversions.idempotencyKey, input.idempotencyKey)))
    return { leadId: first!.leadId!, conversionId: first!.id, isDuplicate: true }
  }
  if (!row.lead_id) return { limited: readRateLimit(row, rateLimit!.limit) as Extract<RateLimitResult, { ok: false }> }
  if (mailsQueued > 0) mailQueued() // committed: the mail worker sends it now
  if (autoStage(row, scoreRules) === 'mql') {
    await changeLeadStage(db, { workspaceId: input.workspaceId, leadId: row.lead_id, toStage: 'mql', changedBy: null, source: 'score' }).catch((error) =>
      console.error(`[leads] automatic MQL for lead ${row.lead_id} failed; the next conversion tries again:`, error),
    )
  }
  return { leadId: row.lead_id, conversionId: row.conversion_id, isDuplicate: false }
}

type RecordedRow = {
  count: number
  resets_in: number
  lead_id: string
  conversion_id: string
  conversion_created_at: Date | string
  email: string | null
  name: string | null
  company: string | null
  stage: string
  is_hot: boolean
  hard_conversions: number
  soft_conversions: number
  pages_viewed: number
  channel: string
  lead_created_at: Date | string
  is_new: boolean
  is_newly_hot: boolean
}

/** The stage the score rules ask for after this conversion (the lead just acted: no decay). */
function autoStage(row: RecordedRow, rules: ScoreRules) {
  const score = computeLeadScore({ hardConversions: row.hard_conversions, softConversions: row.soft_conversions, pagesViewed: row.pages_viewed, daysSinceLastActivity: 0 }, rules)
  return shouldAutoQualify(score, rules, row.stage) ? ('mql' as const) : row.stage
}

const json = (value: unknown) => sql`${value === null || value === undefined ? null : JSON.stringify(value)}::jsonb`

/** For a visitor of a running experiment: its counting, in the same statement (app/experiments/counting.server.ts). */
function experimentCounting(input: ConversionInput) {
  if (!input.experimentId || !input.visitorId) return sql`null::int`
  const { experimentId, visitorId, variantKey, conversionType, formId, device } = input
  const cookieless = input.cookieless ?? false
  return experimentConversionCall({ experimentId, visitorId, variantKey, conversionType, formId, device, channel: input.touch.channel, convertedAt: new Date(), cookieless })
}

/**
 * The lead upsert, the conversion insert and its experiment counting as one statement. One lead per normalised
 * email per workspace (a form without an email makes a lead of its own). A duplicate idempotency key fails the
 * whole statement, lead update included, and the caller answers the first conversion's ids.
 */
function conversionStatement(input: ConversionInput, { firstSeenAt, pagesViewed, rateLimit }: { firstSeenAt: Date; pagesViewed: number; rateLimit?: RateLimitGate }) {
  const isHard = input.conversionType === 'hard'
  const { identity } = input
  const firstTouch = input.firstTouch ?? input.touch
  const hit = rateLimit ? rateLimitHit(rateLimit.key, rateLimit.windowSeconds) : sql`select null::int as count, null::int as resets_in`
  const admitted = rateLimit ? sql`where (select count from hit) <= ${rateLimit.limit}` : sql``
  return sql`with hit as (${hit}), lead as (
    insert into leads (workspace_id, email, name, company, phone, hot_at, hard_conversions, soft_conversions, pages_viewed,
      first_touch, last_touch, channel, heard_about, heard_about_other, device, visitor_id, first_seen_at, last_conversion_at, last_activity_at)
    select ${input.workspaceId}, ${identity.email}, ${identity.name}, ${identity.company}, ${identity.phone}, ${isHard ? sql`now()` : null},
      ${isHard ? 1 : 0}, ${isHard ? 0 : 1}, ${pagesViewed}, ${json(firstTouch)}, ${json(input.touch)}, ${firstTouch.channel},
      ${identity.heardAbout}, ${identity.heardAboutOther}, ${input.device}, ${input.visitorId}, ${firstSeenAt.toISOString()}::timestamptz, now(), now()
    ${admitted}
    on conflict (workspace_id, email) where email is not null do update set
      -- What the visitor typed last is the freshest; what they left empty keeps the earlier answer.
      name = coalesce(excluded.name, leads.name),
      company = coalesce(excluded.company, leads.company),
      phone = coalesce(excluded.phone, leads.phone),
      heard_about = coalesce(excluded.heard_about, leads.heard_about),
      heard_about_other = coalesce(excluded.heard_about_other, leads.heard_about_other),
      hot_at = coalesce(leads.hot_at, excluded.hot_at),
      hard_conversions = leads.hard_conversions + excluded.hard_conversions,
      soft_conversions = leads.soft_conversions + excluded.soft_conversions,
      pages_viewed = greatest(leads.pages_viewed, excluded.pages_viewed),
      -- First touch and source stay those of the lead's first conversion.
      last_touch = excluded.last_touch,
      device = excluded.device,
      visitor_id = coalesce(leads.visitor_id, excluded.visitor_id),
      first_seen_at = least(leads.first_seen_at, excluded.first_seen_at),
      last_conversion_at = now(),
      last_activity_at = now()
    returning id, email, name, company, stage, hot_at, hard_conversions, soft_conversions, pages_viewed, channel, created_at,
      (xmax = 0) as is_new
  ), conversion as (
    insert into conversions (workspace_id, lead_id, form_id, page_id, variant_key, experiment_id, conversion_type, visitor_id,
      idempotency_key, answers, touch, first_touch, device, first_seen_at, started_at)
    select ${input.workspaceId}, lead.id, ${input.formId}, ${input.pageId}, ${input.variantKey}, ${input.experimentId}, ${input.conversionType},
      ${input.visitorId}, ${input.idempotencyKey}, ${json(input.answers)}, ${json(input.touch)}, ${json(input.firstTouch)}, ${input.device},
      ${firstSeenAt.toISOString()}::timestamptz, ${input.startedAt ? input.startedAt.toISOString() : null}::timestamptz
    from lead
    returning id, created_at
  )
  select hit.count, hit.resets_in, lead.id as lead_id, conversion.id as conversion_id, conversion.created_at as conversion_created_at, lead.email, lead.name,
    lead.company, lead.stage, lead.hot_at is not null as is_hot, lead.hard_conversions, lead.soft_conversions, lead.pages_viewed,
    lead.channel, lead.created_at as lead_created_at, lead.is_new,
    -- hot_at = now() only when this statement made the lead hot: its first hard conversion.
    (lead.hot_at is not null and lead.hot_at = now()) as is_newly_hot,
    ${experimentCounting(input)} as experiment_conversions
  from hit left join lead on true left join conversion on true`
}

function alertLead(input: ConversionInput, row: RecordedRow): AlertLead {
  return {
    leadId: row.lead_id,
    name: row.name,
    email: row.email,
    company: row.company,
    temperature: row.is_hot ? 'hot' : 'cold',
    formName: input.formName,
    pagePath: input.alerts!.pagePath,
    variantKey: input.variantKey,
    source: row.channel,
    answers: labelledAnswers(input.answers, input.alerts!.fields),
    convertedAt: new Date(row.conversion_created_at).toISOString(),
  }
}

function webhookEvents(input: ConversionInput, row: RecordedRow, stage: string): WebhookEventInput[] {
  const iso = (d: Date | string) => new Date(d).toISOString()
  const leadData = {
    id: row.lead_id,
    email: row.email,
    name: row.name,
    company: row.company,
    temperature: row.is_hot ? 'hot' : 'cold',
    stage,
    source: row.channel,
    createdAt: iso(row.lead_created_at),
  }
  const conversionData = {
    id: row.conversion_id,
    formId: input.formId,
    formName: input.formName,
    pageId: input.pageId,
    variantKey: input.variantKey,
    conversionType: input.conversionType,
    answers: input.answers,
    touch: input.touch,
    createdAt: iso(row.conversion_created_at),
  }
  return [
    ...(row.is_new ? [{ type: 'lead.created' as const, data: { lead: leadData } }] : []),
    { type: 'conversion.created' as const, data: { conversion: conversionData, lead: leadData } },
    ...(row.is_newly_hot ? [{ type: 'lead.hot' as const, data: { lead: leadData, conversion: conversionData } }] : []),
  ]
}

export type SpamInput = Omit<ConversionInput, 'identity' | 'experimentId' | 'conversionType' | 'formName' | 'firstTouch' | 'startedAt'> & {
  reason: string
  userAgent: string | null
  /** The running experiment the visitor was assigned in (as recordConversion would get it): restoring counts there. */
  experimentId?: string | null
}

/** A submission the spam checks caught: kept whole for review, never a conversion until a member restores it. */
export async function holdAsSpam(input: SpamInput) {
  const [row] = await db
    .insert(spamSubmissions)
    .values({
      workspaceId: input.workspaceId,
      formId: input.formId,
      pageId: input.pageId,
      variantKey: input.variantKey,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
      answers: input.answers,
      touch: input.touch,
      visitorId: input.visitorId,
      experimentId: input.visitorId ? (input.experimentId ?? null) : null,
      cookieless: input.cookieless,
      device: input.device,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    })
    .returning({ id: spamSubmissions.id })
  return row!
}
