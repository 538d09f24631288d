import { useActionData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { moneyHeading } from '#app/components/format'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useHydrated } from '#app/components/use-hydrated'
import { useZodForm } from '#app/components/zod-form'
import type { FormErrors } from '#app/http/form-data.server'
import { useMessage, useT } from '#app/i18n/provider'
import { STAGE_KEYS } from '#app/leads/labels'
import { LeadStageFormSchema } from '#app/leads/schema'
import { hasDealValue, LEAD_STAGES } from '#app/leads/stages'
import type { LeadStage } from '#db/schema'

type Props = { stage: LeadStage; dealValue: number | null; currency: string; canEdit: boolean; errors?: FormErrors; saved: boolean }

/**
 * Stage and deal value, checked in the browser with the schema the server and the API use. A lead moves from any
 * stage to any other (Lost and back included). Without JavaScript the deal value field is always there (the hint
 * says when it applies, and a value left as it was is dropped on a move to a stage without one); with it, it is
 * enabled only for Opportunity and Customer, and a disabled field is not sent. Every error shows next to a visible
 * field: a deal value error while the field is hidden shows under the stage.
 */
export function StageForm({ stage, dealValue, currency, canEdit, errors, saved }: Props) {
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(LeadStageFormSchema, errors)
  const isHydrated = useHydrated()
  const chosen = (form.watch('stage') as string | undefined) ?? stage
  const showsValue = !isHydrated || hasDealValue(chosen)
  // A saved move remounts the form (the route keys it by the saved stage), and the button is disabled while it is
  // sent: either way keyboard focus fell back to the page's start. After each save (a new action answer) it goes
  // back to Save stage, so the marketer carries on from where they were; the status beside it is announced.
  const actionData = useActionData()
  const t = useT()
  const translate = useMessage()
  const saveButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (saved) saveButton.current?.focus()
  }, [saved, actionData])
  return (
    <Card title={t('leads.filters.stage')} description={t('leads.stageForm.description')}>
      <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <input type="hidden" name="intent" value="stage" />
        <input type="hidden" name="dealValueWas" value={dealValue ?? ''} />
        <FormErrorList errors={errors?.formErrors} />
        <fieldset disabled={!canEdit} className="space-y-4">
          <div>
            <label htmlFor="lead-stage" className="block text-sm font-medium text-slate-700">
              {t('leads.filters.stage')}
            </label>
            <select id="lead-stage" defaultValue={stage} {...form.register('stage')} className="mt-1 block w-full rounded-md px-3 py-2 ring-1 ring-slate-300">
              {LEAD_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(STAGE_KEYS[s])}
                </option>
              ))}
            </select>
            {errorFor('stage') ? <p className="mt-1 text-sm text-red-700">{translate(errorFor('stage'))}</p> : null}
            {!showsValue && errorFor('dealValue') ? (
              <p role="alert" className="mt-1 text-sm text-red-700">
                {translate(errorFor('dealValue'))}
              </p>
            ) : null}
          </div>
          <div hidden={!showsValue}>
            <Field
              label={moneyHeading(t('leads.detail.dealValue'), currency)}
              inputMode="decimal"
              defaultValue={dealValue ?? ''}
              hint={isHydrated ? t('leads.stageForm.dealValueHint', { currency }) : t('leads.stageForm.dealValueHintNoScript')}
              error={errorFor('dealValue')}
              {...form.register('dealValue', { disabled: isHydrated && !hasDealValue(chosen) })}
            />
          </div>
          {canEdit ? (
            <Button ref={saveButton} disabled={isSubmitting}>
              {t('leads.stageForm.save')}
            </Button>
          ) : (
            <p className="text-sm text-slate-500">{t('leads.stageForm.viewersCannot')}</p>
          )}
          {saved ? (
            <p role="status" className="text-sm text-green-700">
              {t('leads.stageForm.saved')}
            </p>
          ) : null}
        </fieldset>
      </Form>
    </Card>
  )
}
