import { and, eq } from 'drizzle-orm'
import type { Database, Transaction } from '#app/db.server'
import { fieldErrorsOf } from '#app/http/field-errors'
import { LeadStageChangeSchema } from '#app/leads/schema'
import { hasDealValue } from '#app/leads/stages'
import { leadStageChanges, leads, type LeadStage } from '#db/schema'

export type StageChangeSource = 'member' | 'api' | 'score'

export type ChangeLeadStageInput = {
  workspaceId: string
  leadId: string
  toStage: LeadStage
  /** Opportunity and Customer only. Left out: keep the current value; null: clear it. */
  dealValue?: number | null
  /** The member who changed it; null for API keys and automatic changes (`source` tells them apart). */
  changedBy: string | null
  source: StageChangeSource
}

export type ChangeLeadStageResult =
  { ok: true; changed: boolean; lead: { id: string; stage: LeadStage; dealValue: number | null } } | { ok: false; status: 404 } | { ok: false; status: 400; errors: Record<string, string[]> }

/**
 * Moves a lead to another stage and records who did it, in one transaction (a savepoint when `db` is already one).
 * Unchanged stage and value: nothing is written. A new deal value on the same stage is recorded too, since the
 * history is where a team sees an offer change. Leaving a stage that carries a deal value clears it on the lead;
 * the history keeps the value it had.
 */
export async function changeLeadStage(db: Database | Transaction, input: ChangeLeadStageInput): Promise<ChangeLeadStageResult> {
  const parsed = LeadStageChangeSchema.safeParse({ stage: input.toStage, dealValue: input.dealValue })
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrorsOf(parsed.error) }
  const { stage: toStage, dealValue } = parsed.data
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: leads.id, stage: leads.stage, dealValue: leads.dealValue })
      .from(leads)
      .where(and(eq(leads.id, input.leadId), eq(leads.workspaceId, input.workspaceId)))
      .for('update')
    if (!current) return { ok: false as const, status: 404 as const }
    const nextValue = !hasDealValue(toStage) ? null : dealValue === undefined ? current.dealValue : dealValue
    if (current.stage === toStage && current.dealValue === nextValue) return { ok: true as const, changed: false, lead: current }
    await tx.update(leads).set({ stage: toStage, dealValue: nextValue }).where(eq(leads.id, current.id))
    await tx.insert(leadStageChanges).values({
      workspaceId: input.workspaceId,
      leadId: current.id,
      fromStage: current.stage,
      toStage,
      dealValue: nextValue,
      changedBy: input.changedBy,
      source: input.source,
    })
    return { ok: true as const, changed: true, lead: { id: current.id, stage: toStage, dealValue: nextValue } }
  })
}
