import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import { extractLeadIdentity, type Answers } from '#app/forms/validation'
import { recordConversion } from '#app/conversions/record.server'
import { COOKIELESS_CONSENTS } from '#app/kpis/consent'
import { readPrivacySettings } from '#app/privacy/settings'
import { forms, pages, spamSubmissions, type PrivacySettingsJson } from '#db/schema'

// Submissions the spam checks held back, for a member to review. Restoring one records it like any
// submission (the same transaction, lead upsert and webhooks), under its original idempotency key, so
// restoring twice cannot make two conversions. A visitor held in a running experiment converts in it when
// restored (the same statement counts it there, once per visitor and metric like any conversion), as the post would
// have been counted: for a view counted cookieless, under that view's id and as a cookieless one (decision 083).

export async function listHeldSubmissions({ workspaceId, limit = 100 }: { workspaceId: string; limit?: number }) {
  return db
    .select({
      id: spamSubmissions.id,
      reason: spamSubmissions.reason,
      answers: spamSubmissions.answers,
      userAgent: spamSubmissions.userAgent,
      createdAt: spamSubmissions.createdAt,
      formName: forms.name,
      pageName: pages.name,
      pageSlug: pages.slug,
    })
    .from(spamSubmissions)
    .leftJoin(forms, eq(forms.id, spamSubmissions.formId))
    .leftJoin(pages, eq(pages.id, spamSubmissions.pageId))
    .where(and(eq(spamSubmissions.workspaceId, workspaceId), isNull(spamSubmissions.restoredAt)))
    .orderBy(desc(spamSubmissions.createdAt))
    .limit(limit)
}

export type RestoreResult = { ok: true; leadId: string; conversionId: string } | { ok: false; status: 404 | 409; message: string }

export async function restoreHeldSubmission({ workspaceId, id }: { workspaceId: string; id: string }): Promise<RestoreResult> {
  const [held] = await db
    .select({ submission: spamSubmissions, formName: forms.name, definition: forms.definition })
    .from(spamSubmissions)
    .leftJoin(forms, and(eq(forms.id, spamSubmissions.formId), eq(forms.workspaceId, workspaceId)))
    .where(and(eq(spamSubmissions.id, id), eq(spamSubmissions.workspaceId, workspaceId)))
  if (!held) return { ok: false, status: 404, message: 'No such held submission' }
  if (held.submission.restoredAt) return { ok: false, status: 409, message: 'Already restored' }
  if (!held.definition) return { ok: false, status: 409, message: 'Its form was deleted; it cannot become a lead' }
  const s = held.submission
  const definition = held.definition
  const answers = s.answers as Answers
  const cookieless = s.experimentId && s.visitorId ? await wasCountedCookieless({ workspaceId, experimentId: s.experimentId, visitorId: s.visitorId }) : false
  const recorded = await recordConversion({
    workspaceId,
    formId: s.formId,
    formName: held.formName ?? '',
    pageId: s.pageId,
    variantKey: s.variantKey,
    experimentId: s.experimentId,
    cookieless,
    conversionType: definition.conversionType,
    visitorId: s.visitorId,
    idempotencyKey: s.idempotencyKey,
    answers,
    identity: extractLeadIdentity(answers, definition),
    touch: s.touch,
    firstTouch: s.touch,
    device: s.device,
    startedAt: null,
  })
  if ('limited' in recorded) throw new Error('restoring is not rate-limited')
  await db.update(spamSubmissions).set({ restoredAt: new Date() }).where(eq(spamSubmissions.id, s.id))
  return { ok: true, leadId: recorded.leadId, conversionId: recorded.conversionId }
}

const COOKIELESS = sql.raw(COOKIELESS_CONSENTS.map((c) => `'${c}'`).join(', '))

/**
 * Whether a held post's visitor id was a view's own, counted cookieless (its form carried the view's signed exposure,
 * decision 083), so that the restored conversion writes that view's exposure, if it is still missing, as the post
 * would have. The held row does not say, so PostgreSQL's record of the id does: its exposure in the experiment, else
 * its latest page view's consent (an identified visitor's other views say `cookies` or `granted`). When neither is
 * written (the view still queued, or lost with its process) the workspace's mode decides: only `cookies` identifies
 * every visitor, and in `consent` a post without any trace of its visitor is most likely one counted per view.
 */
async function wasCountedCookieless({ workspaceId, experimentId, visitorId }: { workspaceId: string; experimentId: string; visitorId: string }) {
  const [row] = await queryRows<{ exposed: boolean | null; viewed: boolean | null; privacy: PrivacySettingsJson }>(
    db,
    sql`select (select e.cookieless from exposures e where e.experiment_id = ${experimentId} and e.visitor_id = ${visitorId}) as exposed,
        (select p.consent in (${COOKIELESS}) from page_views p where p.visitor_id = ${visitorId} and p.workspace_id = ${workspaceId}
          order by p.viewed_at desc limit 1) as viewed,
        w.privacy
      from workspaces w where w.id = ${workspaceId}`,
  )
  return row!.exposed ?? row!.viewed ?? readPrivacySettings(row!.privacy).mode !== 'cookies'
}
