import { useFieldArray, useFormState, useWatch } from 'react-hook-form'
import { Button } from '#app/components/ui/button'
import { stepAfterRemoving } from '#app/forms/builder'
import { conversionTypeFor, PURPOSES, type PurposeId } from '#app/forms/purposes'
import { errorAt, NumberInput, SelectInput, TextInput, useBuilderForm, useErrorAt } from './builder-inputs'

/** Name, purpose, soft or hard (preset by the purpose, overridable), button label and the bot timer. */
export function FormSettings() {
  const { control, register, setValue } = useBuilderForm()
  const purpose = useWatch({ control, name: 'purpose' })
  const conversionType = useWatch({ control, name: 'conversionType' })
  const preset = conversionTypeFor(purpose)
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextInput path="name" label="Name (only you see it)" maxLength={120} />
      <SelectInput
        path="purpose"
        label="Purpose"
        choices={PURPOSES.map((p) => ({ value: p.id, label: p.label }))}
        // A new purpose brings its preset; the marketer can still override it below.
        onChoose={(id) => setValue('conversionType', conversionTypeFor(id as PurposeId), { shouldDirty: true })}
      />
      <fieldset className="md:col-span-2">
        <legend className="text-sm font-medium text-slate-700">Conversion type</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          <label className="flex gap-2 rounded-md p-2 text-sm ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-600">
            <input type="radio" value="soft" {...register('conversionType')} />
            <span>
              <strong>Soft</strong>: contact details without a clear intent to buy; a cold lead to nurture.
            </span>
          </label>
          <label className="flex gap-2 rounded-md p-2 text-sm ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-600">
            <input type="radio" value="hard" {...register('conversionType')} />
            <span>
              <strong>Hard</strong>: intent to buy or evaluate; a hot lead sales must follow up quickly.
            </span>
          </label>
        </div>
        <p className="mt-1 text-xs text-slate-500">{conversionType === preset ? `The preset for this purpose (${preset}).` : `Overridden: the preset for this purpose is ${preset}.`}</p>
      </fieldset>
      <TextInput path="submitLabel" label="Submit button label" maxLength={60} />
      <NumberInput path="minFillSeconds" label="Minimum fill time (seconds)" min={0} max={600} step={1} hint="Faster submissions are treated as bots and held back. 0 turns this off." />
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
  return (
    <fieldset className="grid gap-2 md:col-span-2">
      <legend className="text-sm font-medium text-slate-700">Mail to the visitor</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register('confirmationEmail')} /> Send a confirmation email (with the download link on a download form)
      </label>
      {confirmationError ? <p className="text-sm text-red-600">{confirmationError}</p> : null}
      {purpose === 'newsletter' || doubleOptIn ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register('doubleOptIn')} /> Double opt-in: the subscriber confirms the address through a link in a mail
        </label>
      ) : null}
      {doubleOptInError ? <p className="text-sm text-red-600">{doubleOptInError}</p> : null}
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
  return (
    <fieldset className="grid gap-2 md:col-span-2">
      <legend className="text-sm font-medium text-slate-700">Lead alerts</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register('hasAlerts')} /> Tell my team about new leads from this form
      </label>
      {hasAlerts ? (
        <div className="grid gap-3 md:grid-cols-2">
          <TextInput path="alerts.emails" label="Email addresses" hint="Separate addresses with commas." className="md:col-span-2" />
          {addressError ? <p className="text-sm text-red-600 md:col-span-2">{addressError}</p> : null}
          <TextInput path="alerts.chatWebhookUrl" label="Slack or Teams webhook URL (optional)" placeholder="https://hooks.slack.com/…" className="md:col-span-2" />
          <SelectInput
            path="alerts.on"
            label="Send an alert for"
            choices={[
              { value: 'hot', label: 'Hot leads only' },
              { value: 'all', label: 'Every new lead' },
            ]}
          />
          {on === 'hot' ? (
            <label className="flex items-center gap-2 text-sm md:pt-6">
              <input type="checkbox" {...register('alerts.digest')} /> Also send a daily digest of the cold leads (by email, and to the chat if set)
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
  const start = (on: boolean) => {
    if (!on || getValues('steps').length >= 2) return
    // Two steps to begin with, the fields split between them (the first half asks the least).
    const count = getValues('fields').length
    replace([{ title: 'About you' }, { title: 'Your request' }])
    for (let i = 0; i < count; i++) setValue(`fields.${i}.step`, i < Math.ceil(count / 2) ? 0 : 1)
  }
  const removeStep = (index: number) => {
    getValues('fields').forEach((field, i) => setValue(`fields.${i}.step`, stepAfterRemoving(field.step, index)))
    remove(index)
  }
  return (
    <div className="grid gap-3">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input type="checkbox" {...register('isMultiStep', { onChange: (e) => start(e.target.checked) })} /> Split the form into steps
      </label>
      <p className="text-xs text-slate-500">A short first step gets more people started. Put each field in a step from its settings.</p>
      {isMultiStep ? (
        <>
          {error ? (
            <p role="alert" className="text-sm text-red-600">
              {error}
            </p>
          ) : null}
          <ol className="grid gap-2">
            {steps.map((step, i) => (
              <StepRow key={step.id} index={i} canRemove={steps.length > 2} onRemove={() => removeStep(i)} />
            ))}
          </ol>
          <div>
            <Button type="button" variant="ghost" onClick={() => append({ title: `Step ${steps.length + 1}` })} disabled={steps.length >= 10}>
              Add step
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
  return (
    <li className="flex flex-wrap items-start gap-2">
      <TextInput path={`steps.${index}.title`} label={`Step ${index + 1} title`} maxLength={100} className="min-w-48 flex-1" />
      <p className="w-full text-xs text-slate-500 sm:w-auto sm:flex-1 sm:pt-7">
        {inStep.length ? inStep.map((f) => f.label || f.key).join(', ') : 'No fields yet'}
        {error ? <span className="block text-sm text-red-600">{error}</span> : null}
      </p>
      {canRemove ? (
        <Button type="button" variant="ghost" className="mt-6" onClick={onRemove}>
          Remove step {index + 1}
        </Button>
      ) : null}
    </li>
  )
}
