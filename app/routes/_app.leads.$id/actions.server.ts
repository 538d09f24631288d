import { redirect } from '@remix-run/node'
import { z } from 'zod'
import type { Member } from '#app/auth/session.server'
import { db } from '#app/db.server'
import { badRequest } from '#app/http/form-data.server'
import { addLeadNote } from '#app/leads/detail.server'
import { eraseLead } from '#app/leads/erase.server'
import { LeadNoteSchema, LeadStageChangeSchema } from '#app/leads/schema'
import { changeLeadStage } from '#app/leads/stage.server'
import { hasDealValue } from '#app/leads/stages'

/**
 * Without JavaScript the deal value field is always sent, prefilled with the lead's value (`dealValueWas` carries what
 * it was prefilled with). Left as it was on a move to a stage without a deal value, it is the old value, not a new
 * one: dropped, so Opportunity → Lost works without clearing the field first. A value typed in is still refused.
 */
function dropUnchangedDealValue(raw: unknown) {
  if (!raw || typeof raw !== 'object' || !('dealValueWas' in raw) || !('dealValue' in raw) || !('stage' in raw)) return raw
  const { dealValueWas, dealValue, stage } = raw
  const isUnchanged = typeof dealValue === 'string' && typeof dealValueWas === 'string' && dealValue.trim() === dealValueWas.trim()
  return isUnchanged && !hasDealValue(String(stage)) ? { ...raw, dealValue: undefined } : raw
}

export const LeadActionSchema = z.preprocess(
  dropUnchangedDealValue,
  z.discriminatedUnion(
    'intent',
    [
      LeadStageChangeSchema.safeExtend({ intent: z.literal('stage') }),
      LeadNoteSchema.extend({ intent: z.literal('note') }),
      z.object({ intent: z.literal('erase'), confirm: z.literal('on', { error: 'Tick the box to confirm the erasure' }) }),
    ],
    { error: 'Unknown action' },
  ),
)
type LeadAction = z.infer<typeof LeadActionSchema>

const notFound = () => new Response('No such lead in this workspace', { status: 404 })

/** Carries out one action on the lead for an editor or owner; returns what the route answers. */
export async function runLeadAction(input: LeadAction, { member, leadId }: { member: Member; leadId: string }) {
  const workspaceId = member.workspace.id
  switch (input.intent) {
    case 'stage': {
      const result = await changeLeadStage(db, { workspaceId, leadId, toStage: input.stage, dealValue: input.dealValue, changedBy: member.user.id, source: 'member' })
      if (!result.ok && result.status === 404) throw notFound()
      if (!result.ok) return badRequest({ fieldErrors: result.status === 400 ? result.errors : {} })
      return { done: 'stage' as const, changed: result.changed }
    }
    case 'note':
      if (!(await addLeadNote({ workspaceId, leadId, authorId: member.user.id, body: input.body }))) throw notFound()
      return { done: 'note' as const }
    case 'erase':
      if (!(await eraseLead({ workspaceId, id: leadId }))) throw notFound()
      // Back to the (now empty) detail, which says what was erased and what stays.
      throw redirect(`/leads/${leadId}`)
  }
}
