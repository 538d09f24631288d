import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseForm, type FormErrors } from '#app/http/form-data.server'
import { ScoreRulesFormSchema } from '#app/leads/schema'
import { computeLeadScore, DEFAULT_SCORE_RULES, type ScoreRules } from '#app/leads/score'
import { getScoreRules, saveScoreRules } from '#app/leads/score-rules.server'
import { useMember } from '#app/routes/_app'

const ActionSchema = z.discriminatedUnion('intent', [ScoreRulesFormSchema.extend({ intent: z.literal('save') }), z.object({ intent: z.literal('reset') })], {
  error: 'Unknown action',
})

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  return getScoreRules({ workspaceId: workspace.id })
}

export async function action({ request }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'editor' })
  const parsed = await parseForm(request, ActionSchema)
  if (!parsed.ok) return parsed.response
  const { intent, ...rules } = parsed.data
  await saveScoreRules({ workspaceId: workspace.id, rules: intent === 'reset' ? null : (rules as ScoreRules) })
  return { saved: intent }
}

const FIELDS: { name: keyof ScoreRules; label: string; hint: string; step?: string }[] = [
  { name: 'pointsPerHard', label: 'Points per hard conversion', hint: 'Demo, quote, contact-sales, trial: clear intent to buy.' },
  { name: 'pointsPerSoft', label: 'Points per soft conversion', hint: 'Newsletter, guide, webinar: interest, not yet intent.' },
  { name: 'pointsPerPageView', label: 'Points per page view', hint: 'Each page the visitor saw.' },
  { name: 'maxPageViewPoints', label: 'Most points from page views', hint: 'A cap, so browsing alone never outweighs a conversion.' },
  { name: 'halfLifeDays', label: 'Half-life in days', hint: 'The score halves after this many days without activity.', step: 'any' },
  { name: 'mqlThreshold', label: 'Automatic MQL at score', hint: 'A plain lead reaching this score becomes an MQL. Empty: people qualify leads.' },
]

export default function LeadScoringRoute() {
  const { rules, isDefault } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit } = useMember()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const saved = actionData && 'saved' in actionData ? actionData.saved : null
  return (
    <div className="space-y-6">
      <Card title="Lead scoring" description="Scores rank the inbox: what a lead did, fading with time since its last activity. Changes apply to every lead at once.">
        {/* Keyed by the rules: after a reset the form (and its state) starts again from the stored values. */}
        <RulesForm key={JSON.stringify(rules)} rules={rules} canEdit={canEdit} errors={errors} saved={saved} />
        {canEdit && !isDefault ? (
          <Form method="post" className="mt-4 border-t border-slate-100 pt-4">
            <input type="hidden" name="intent" value="reset" />
            <Button variant="ghost">Reset to the defaults</Button>
          </Form>
        ) : null}
      </Card>
      <Card title="How the score works">
        <div className="space-y-3 text-sm text-slate-700">
          <p>
            score = round((hard × points per hard + soft × points per soft + min(page views × points per view, cap)) × 0.5<sup>days since last activity ÷ half-life</sup>)
          </p>
          <p>
            Defaults: {DEFAULT_SCORE_RULES.pointsPerHard} points per hard conversion, {DEFAULT_SCORE_RULES.pointsPerSoft} per soft conversion, {DEFAULT_SCORE_RULES.pointsPerPageView} per page view up
            to {DEFAULT_SCORE_RULES.maxPageViewPoints}, a half-life of {DEFAULT_SCORE_RULES.halfLifeDays} days, and automatic MQL at {DEFAULT_SCORE_RULES.mqlThreshold}. The automatic move only ever
            takes a lead from Lead to MQL, never back and never past a stage a person chose; it is checked when the lead converts, so a new threshold applies from the next conversion.
          </p>
          <p>
            With {isDefault ? 'the default' : 'your'} rules, a lead with one demo request, two guide downloads and eight page views scores{' '}
            {computeLeadScore({ hardConversions: 1, softConversions: 2, pagesViewed: 8, daysSinceLastActivity: 0 }, rules)} today and{' '}
            {computeLeadScore({ hardConversions: 1, softConversions: 2, pagesViewed: 8, daysSinceLastActivity: 30 }, rules)} after 30 quiet days.
          </p>
        </div>
      </Card>
    </div>
  )
}

function RulesForm({ rules, canEdit, errors, saved }: { rules: ScoreRules; canEdit: boolean; errors?: FormErrors; saved: 'save' | 'reset' | null }) {
  const { form, onSubmit, errorFor, isSubmitting, Form: ZodForm } = useZodForm(ScoreRulesFormSchema, errors)
  return (
    <ZodForm method="post" onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
      <input type="hidden" name="intent" value="save" />
      <div className="md:col-span-2">
        <FormErrorList errors={errors?.formErrors} />
      </div>
      {FIELDS.map((f) => (
        <Field
          key={f.name}
          label={f.label}
          hint={`${f.hint} Default: ${DEFAULT_SCORE_RULES[f.name] ?? 'empty'}.`}
          type="number"
          min={f.name === 'halfLifeDays' || f.name === 'mqlThreshold' ? 1 : 0}
          step={f.step ?? '1'}
          defaultValue={rules[f.name] ?? ''}
          disabled={!canEdit}
          error={errorFor(f.name)}
          {...form.register(f.name)}
        />
      ))}
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        {canEdit ? <Button disabled={isSubmitting}>Save rules</Button> : <p className="text-sm text-slate-500">Viewers cannot change the rules.</p>}
        {saved ? (
          <p role="status" className="text-sm text-green-700">
            {saved === 'reset' ? 'Back to the defaults.' : 'Saved.'}
          </p>
        ) : null}
      </div>
    </ZodForm>
  )
}
