import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseForm, type FormErrors } from '#app/http/form-data.server'
import { Trans, useT } from '#app/i18n/provider'
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

// Each field's label and hint: catalogue keys (settings.leadScoring.*).
const FIELDS: { name: keyof ScoreRules; label: string; hint: string; step?: string }[] = [
  { name: 'pointsPerHard', label: 'settings.leadScoring.pointsPerHard', hint: 'settings.leadScoring.pointsPerHardHint' },
  { name: 'pointsPerSoft', label: 'settings.leadScoring.pointsPerSoft', hint: 'settings.leadScoring.pointsPerSoftHint' },
  { name: 'pointsPerPageView', label: 'settings.leadScoring.pointsPerPageView', hint: 'settings.leadScoring.pointsPerPageViewHint' },
  { name: 'maxPageViewPoints', label: 'settings.leadScoring.maxPageViewPoints', hint: 'settings.leadScoring.maxPageViewPointsHint' },
  { name: 'halfLifeDays', label: 'settings.leadScoring.halfLifeDays', hint: 'settings.leadScoring.halfLifeDaysHint', step: 'any' },
  { name: 'mqlThreshold', label: 'settings.leadScoring.mqlThreshold', hint: 'settings.leadScoring.mqlThresholdHint' },
]

export default function LeadScoringRoute() {
  const { rules, isDefault } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit } = useMember()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const saved = actionData && 'saved' in actionData ? actionData.saved : null
  const t = useT()
  const d = DEFAULT_SCORE_RULES
  return (
    <div className="space-y-6">
      <Card title={t('settings.leadScoring.title')} description={t('settings.leadScoring.description')}>
        {/* Keyed by the rules: after a reset the form (and its state) starts again from the stored values. */}
        <RulesForm key={JSON.stringify(rules)} rules={rules} canEdit={canEdit} errors={errors} saved={saved} />
        {canEdit && !isDefault ? (
          <Form method="post" className="mt-4 border-t border-slate-100 pt-4">
            <input type="hidden" name="intent" value="reset" />
            <Button variant="ghost">{t('settings.leadScoring.reset')}</Button>
          </Form>
        ) : null}
      </Card>
      <Card title={t('settings.leadScoring.howTitle')}>
        <div className="space-y-3 text-sm text-slate-700">
          <p>
            <Trans i18nKey="settings.leadScoring.formula" t={t} components={{ sup: <sup /> }} />
          </p>
          <p>
            {t('settings.leadScoring.defaults', {
              hard: d.pointsPerHard,
              soft: d.pointsPerSoft,
              view: d.pointsPerPageView,
              cap: d.maxPageViewPoints,
              halfLife: d.halfLifeDays,
              mql: d.mqlThreshold ?? 0,
            })}
          </p>
          <p>
            {t('settings.leadScoring.example', {
              rules: isDefault ? 'default' : 'yours',
              today: computeLeadScore({ hardConversions: 1, softConversions: 2, pagesViewed: 8, daysSinceLastActivity: 0 }, rules),
              later: computeLeadScore({ hardConversions: 1, softConversions: 2, pagesViewed: 8, daysSinceLastActivity: 30 }, rules),
            })}
          </p>
        </div>
      </Card>
    </div>
  )
}

function RulesForm({ rules, canEdit, errors, saved }: { rules: ScoreRules; canEdit: boolean; errors?: FormErrors; saved: 'save' | 'reset' | null }) {
  const { form, onSubmit, errorFor, isSubmitting, Form: ZodForm } = useZodForm(ScoreRulesFormSchema, errors)
  const t = useT()
  return (
    <ZodForm method="post" onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
      <input type="hidden" name="intent" value="save" />
      <div className="md:col-span-2">
        <FormErrorList errors={errors?.formErrors} />
      </div>
      {FIELDS.map((f) => (
        <Field
          key={f.name}
          label={t(f.label)}
          hint={`${t(f.hint)} ${t('settings.leadScoring.default', { value: DEFAULT_SCORE_RULES[f.name] ?? t('settings.leadScoring.empty') })}`}
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
        {canEdit ? <Button disabled={isSubmitting}>{t('settings.leadScoring.save')}</Button> : <p className="text-sm text-slate-500">{t('settings.leadScoring.viewersCannot')}</p>}
        {saved ? (
          <p role="status" className="text-sm text-green-700">
            {saved === 'reset' ? t('settings.leadScoring.backToDefaults') : t('settings.saved')}
          </p>
        ) : null}
      </div>
    </ZodForm>
  )
}
