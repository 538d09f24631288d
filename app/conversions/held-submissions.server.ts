import { and, desc, eq, isNull } from 'drizzle-orm'
import { db } from '#app/db.server'
import { extractLeadIdentity, type Answers } from '#app/forms/validation'
import { recordConversion } from '#app/conversions/record.server'
import { forms, pages, spamSubmissions } from '#db/schema'

// Submissions the spam checks held back, for a member to review. Restoring one records it like any
// submission (the same transaction, lead upsert and webhooks), under its original idempotency key, so
// restoring twice cannot make two conversions. A visitor held in a running experiment converts in it when
// restored (the same statement counts it there, once per visitor and metric like any conversion), as the post would
// have been counted: for a view counted cookieless (the held row says so), under that view's id and as a cookieless
// one (decision 083).

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
  const recorded = await recordConversion({
    workspaceId,
    formId: s.formId,
    formName: held.formName ?? '',
    pageId: s.pageId,
    variantKey: s.variantKey,
    experimentId: s.experimentId,
    cookieless: s.cookieless,
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
