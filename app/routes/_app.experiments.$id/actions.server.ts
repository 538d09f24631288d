import { data } from '@remix-run/node'
import { z } from 'zod'
import type { Member } from '#app/auth/session.server'
import { declareWinner, transitionExperiment, updateCoverage } from '#app/experiments/experiment.server'
import { EXPERIMENT_ACTIONS, ExperimentSettingsSchema } from '#app/experiments/schema'

// Coverage is typed as a percentage; the experiment stores a fraction.
const percentToFraction = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? Number(value.replace(',', '.')) / 100 : undefined)

export const ExperimentActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.enum(EXPERIMENT_ACTIONS) }),
    z.object({ intent: z.literal('winner'), variantKey: z.string({ error: 'Choose the winning variant' }).trim().min(1, 'Choose the winning variant') }),
    z.object({ intent: z.literal('coverage'), coverage: z.preprocess(percentToFraction, ExperimentSettingsSchema.shape.coverage.removeDefault()) }),
  ],
  { error: 'Unknown action' },
)
export type ExperimentIntent = z.infer<typeof ExperimentActionSchema>['intent']

/** Carries out one lifecycle action; the queries' 400/409 come back with the intent, so the form that posted shows them. */
export async function runExperimentAction(input: z.infer<typeof ExperimentActionSchema>, { member, experimentId }: { member: Member; experimentId: string }) {
  const target = { workspaceId: member.workspace.id, id: experimentId, actor: { userId: member.user.id, actor: 'member' as const } }
  const result =
    input.intent === 'winner'
      ? await declareWinner({ ...target, variantKey: input.variantKey })
      : input.intent === 'coverage'
        ? await updateCoverage({ ...target, coverage: input.coverage })
        : await transitionExperiment({ ...target, action: input.intent })
  if (result.ok) return { done: input.intent }
  if (result.status === 404) throw new Response('No such experiment in this workspace', { status: 404 })
  return data({ intent: input.intent, errors: { fieldErrors: result.errors, formErrors: [] as string[] } }, { status: result.status })
}
