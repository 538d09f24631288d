import { useFieldArray, useFormState, useWatch } from 'react-hook-form'
import { Button } from '#app/components/ui/button'
import { stepAfterRemoving } from '#app/forms/builder'
import { PURPOSE_KEYS } from '#app/forms/labels'
import { conversionTypeFor, PURPOSES, type PurposeId } from '#app/forms/purposes'
import { en } from '#app/visitor-language/catalogues/en'
import { fillText } from '#app/visitor-language/format'
import { Trans, useMessage, useT } from '#app/i18n/provider'
import { errorAt, NumberInput, SelectInput, TextInput, useBuilderForm, useErrorAt } from './builder-inputs'

/** Name, purpose, soft or hard (preset by the purpose, overridable), button label and the bot timer. */
export function FormSettings() {
  const { control, register, setValue } = useBuilderForm()
  const purpose = useWatch({ control, name: 'purpose' })
  const conversionType = useWatch({ control, name: 'conversionType' })
  const preset = conversionTypeFor(purpose)
  const t = useT()
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextInput path="name" label={t('formBuilder.form.name')} maxLength={120} />
      <SelectInput
        path="purpose"
        label={t('formBuilder.form.purpose')}
        choices={PURPOSES.map((p) => ({ value: p.id, label: t(PURPOSE_KEYS[p.id].label) }))}
        // A new purpose brings its preset; the marketer can still override it below.
        onChoose={(id) => setValue('conversionType', conversionTypeFor(id as PurposeId), { shouldDirty: true })}
      />
      <fieldset className="md:col-span-2">
        <legend className="text-sm font-medium text-slate-700">{t('formBuilder.form.conversionType')}</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          <label className="flex gap-2 rounded-md p-2 text-sm ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-600">
            <input type="radio" value="soft" {...register('conversionType')} />
            <span>
              <Trans i18nKey="formBuilder.form.soft" components={{ strong: <strong /> }} />
            </span>
          </label>
          <label className="flex gap-2 rounded-md p-2 text-sm ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-600">
            <input type="radio" value="hard" {...register('conversionType')} />
            <span>
              <Trans i18nKey="formBuilder.form.hard" components={{ strong: <strong /> }} />
            </span>
          </label>
        </div>
        <p className="mt-1 text-xs text-slate-500">{t('formBuilder.form.preset', { overridden: conversionType === preset ? 'no' : 'yes', preset })}</p>
      </fieldset>
      <TextInput path="submitLabel" label={t('formBuilder.form.submitLabel')} maxLength={60} />
      <NumberInput path="minFillSeconds" label={t('formBuilder.form.minFill')} min={0} max={600} step={1} hint={t('formBuilder.form.minFillHint')} />
      <VisitorMailSettings />
      <AlertSettings />
    </div>
  )
}

/** Mail to the visitor who submits: a confirmation, and double opt-in (offered for newsletters). */
function VisitorMailSettings() {
  const { control, register } = useBuilderForm()
  const purpose = useWatch({ control, name: 'purpose' })
  const doubleOptIn = useWatch({ control, name: 'doubleOptIn' })
  const confirmationError = useErrorAt('confirmationEmail')
  const doubleOptInError = useErrorAt('doubleOptIn')
  const t = useT()
  const translate = useMessage()
  return (
    <fieldset className="grid gap-2 md:col-span-2">
      <legend className="text-sm font-medium text-slate-700">{t('formBuilder.mail.legend')}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register('confirmationEmail')} /> {t('formBuilder.mail.confirmation')}
      </label>
      {confirmationError ? <p className="text-sm text-red-600">{translate(confirmationError)}</p> : null}
      {purpose === 'newsletter' || doubleOptIn ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register('doubleOptIn')} /> {t('formBuilder.mail.doubleOptIn')}
        </label>
      ) : null}
      {doubleOptInError ? <p className="text-sm text-red-600">{translate(doubleOptInError)}</p> : null}
    </fieldset>
  )
}

/** Lead alerts (FormAlertsSchema): who hears of a new lead at once, by email or chat, and the daily digest. */
function AlertSettings() {
  const { control, register } = useBuilderForm()
  const hasAlerts = useWatch({ control, name: 'hasAlerts' })
  const on = useWatch({ control, name: 'alerts.on' })
  // The schema names a bad address by its position (alerts.emails.2); the marketer sees it under the one input.
  const emails = useWatch({ control, name: 'alerts.emails' }) ?? ''
  const positions = emails.split(/[\s,;]+/).filter(Boolean).length
  const { errors } = useFormState({ control, name: 'alerts' })
  const addressError = Array.from({ length: positions }, (_, i) => errorAt(errors, `alerts.emails.${i}`)).find(Boolean)
  const t = useT()
  const translate = useMessage()
  return (
    <fieldset className="grid gap-2 md:col-span-2">
      <legend className="text-sm font-medium text-slate-700">{t('formBuilder.alerts.legend')}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register('hasAlerts')} /> {t('formBuilder.alerts.on')}
      </label>
      {hasAlerts ? (
        <div className="grid gap-3 md:grid-cols-2">
          <TextInput path="alerts.emails" label={t('formBuilder.alerts.emails')} hint={t('formBuilder.alerts.emailsHint')} className="md:col-span-2" />
          {addressError ? <p className="text-sm text-red-600 md:col-span-2">{translate(addressError)}</p> : null}
          <TextInput path="alerts.chatWebhookUrl" label={t('formBuilder.alerts.webhook')} placeholder="https://hooks.slack.com/…" className="md:col-span-2" />
          <SelectInput
            path="alerts.on"
            label={t('formBuilder.alerts.sendFor')}
            choices={[
              { value: 'hot', label: t('formBuilder.alerts.hotOnly') },
              { value: 'all', label: t('formBuilder.alerts.every') },
            ]}
          />
          {on === 'hot' ? (
            <label className="flex items-center gap-2 text-sm md:pt-6">
              <input type="checkbox" {...register('alerts.digest')} /> {t('formBuilder.alerts.digest')}
            </label>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  )
}

/** Optional steps: each gets a title; fields are put in a step from their own settings. */
export function StepsSettings() {
  const { control, register, getValues, setValue } = useBuilderForm()
  const { fields: steps, append, remove, replace } = useFieldArray({ control, name: 'steps' })
  const isMultiStep = useWatch({ control, name: 'isMultiStep' })
  const error = useErrorAt('steps')
  const t = useT()
  const translate = useMessage()
  const start = (on: boolean) => {
    if (!on || getValues('steps').length >= 2) return
    // Two steps to begin with, the fields split between them (the first half asks the least).
    const count = getValues('fields').length
    replace([{ title: en.form.stepAboutYou }, { title: en.form.stepYourRequest }])
    for (let i = 0; i < count; i++) setValue(`fields.${i}.step`, i < Math.ceil(count / 2) ? 0 : 1)
  }
  const removeStep = (index: number) => {
    getValues('fields').forEach((field, i) => setValue(`fields.${i}.step`, stepAfterRemoving(field.step, index)))
    remove(index)
  }
  return (
    <div className="grid gap-3">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input type="checkbox" {...register('isMultiStep', { onChange: (e) => start(e.target.checked) })} /> {t('formBuilder.steps.split')}
      </label>
      <p className="text-xs text-slate-500">{t('formBuilder.steps.hint')}</p>
      {isMultiStep ? (
        <>
          {error ? (
            <p role="alert" className="text-sm text-red-600">
              {translate(error)}
            </p>
          ) : null}
          <ol className="grid gap-2">
            {steps.map((step, i) => (
              <StepRow key={step.id} index={i} canRemove={steps.length > 2} onRemove={() => removeStep(i)} />
            ))}
          </ol>
          <div>
            <Button type="button" variant="ghost" onClick={() => append({ title: fillText(en.form.stepNumbered, { number: steps.length + 1 }) })} disabled={steps.length >= 10}>
              {t('formBuilder.steps.add')}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  )
}

function StepRow({ index, canRemove, onRemove }: { index: number; canRemove: boolean; onRemove: () => void }) {
  const { control } = useBuilderForm()
  const fields = useWatch({ control, name: 'fields' }) ?? []
  const inStep = fields.filter((f) => f?.step === index)
  const error = useErrorAt(`steps.${index}.fieldKeys`)
  const t = useT()
  const translate = useMessage()
  return (
    <li className="flex flex-wrap items-start gap-2">
      <TextInput path={`steps.${index}.title`} label={t('formBuilder.steps.titleOf', { number: index + 1 })} maxLength={100} className="min-w-48 flex-1" />
      <p className="w-full text-xs text-slate-500 sm:w-auto sm:flex-1 sm:pt-7">
        {inStep.length ? inStep.map((f) => f.label || f.key).join(', ') : t('formBuilder.steps.noFields')}
        {error ? <span className="block text-sm text-red-600">{translate(error)}</span> : null}
      </p>
      {canRemove ? (
        <Button type="button" variant="ghost" className="mt-6" onClick={onRemove}>
          {t('formBuilder.steps.remove', { number: index + 1 })}
        </Button>
      ) : null}
    </li>
  )
}
