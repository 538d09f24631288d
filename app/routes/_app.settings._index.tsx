import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { describeCurrency, formatCount } from '#app/components/format'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseForm } from '#app/http/form-data.server'
import { languageOf } from '#app/i18n/language.server'
import { useLanguage, useT } from '#app/i18n/provider'
import { useMember } from '#app/routes/_app'
import { listCurrencies, listTimeZones } from '#app/workspaces/locale'
import { WorkspaceSettingsFormSchema } from '#app/workspaces/schema'
import { updateWorkspace } from '#app/workspaces/workspace.server'

// The lists come from the server's Intl, the one that checks what is saved (the browser's may know other zones).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  // Currency names in the reader's language ("svensk krona (SEK)"), named here so the browser hydrates the same words.
  const language = await languageOf(request)
  return { timeZones: listTimeZones(), currencies: listCurrencies().map((code) => [code, describeCurrency(code, language)] as [string, string]) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'owner' })
  const parsed = await parseForm(request, WorkspaceSettingsFormSchema)
  if (!parsed.ok) return parsed.response
  const { requeued } = await updateWorkspace({ workspaceId: workspace.id, changes: parsed.data })
  return { saved: true as const, requeued }
}

const selectClass = 'mt-1 block w-full rounded-md border-0 py-2 pl-3 pr-8 text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500'

export default function GeneralSettingsRoute() {
  const { workspace, isOwner } = useMember()
  const { timeZones, currencies } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(WorkspaceSettingsFormSchema, errors)
  const t = useT()
  const language = useLanguage()
  return (
    <Card title={t('settings.general.title')} description={t('settings.general.description')}>
      <Form method="post" onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
        <FormErrorList errors={errors?.formErrors} />
        <Field label={t('settings.general.name')} defaultValue={workspace.name} disabled={!isOwner} {...form.register('name')} error={errorFor('name')} />
        <Choice
          label={t('settings.general.timeZone')}
          name="timezone"
          hint={t('settings.general.timeZoneHint')}
          options={timeZones.map((zone) => [zone, zone])}
          defaultValue={workspace.timezone}
          disabled={!isOwner}
          error={errorFor('timezone')}
          register={form.register('timezone')}
        />
        <Choice
          label={t('settings.general.currency')}
          name="currency"
          hint={t('settings.general.currencyHint')}
          options={currencies}
          defaultValue={workspace.currency}
          disabled={!isOwner}
          error={errorFor('currency')}
          register={form.register('currency')}
        />
        {isOwner ? <Button disabled={isSubmitting}>{t('settings.save')}</Button> : <p className="text-sm text-slate-500">{t('settings.general.ownersOnly')}</p>}
        {actionData && 'saved' in actionData ? (
          <p role="status" className="text-sm text-green-700">
            {t('settings.saved')}
            {actionData.requeued > 0 ? ` ${t('settings.general.recounting', { views: formatCount(actionData.requeued, 0, language), timeZone: workspace.timezone })}` : ''}
          </p>
        ) : null}
      </Form>
    </Card>
  )
}

type ChoiceProps = {
  label: string
  name: string
  hint: string
  options: [value: string, text: string][]
  defaultValue: string
  disabled: boolean
  error?: string
  register: React.SelectHTMLAttributes<HTMLSelectElement>
}

/** A labelled select with its hint and error wired to it, as Field does for inputs. */
function Choice({ label, name, hint, options, defaultValue, disabled, error, register }: ChoiceProps) {
  const id = `workspace-${name}`
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        defaultValue={defaultValue}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        className={selectClass}
        {...register}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  )
}
