import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { describeCurrency, formatCount } from '#app/components/format'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FieldFrame, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseFormData, readForm, type FormErrors } from '#app/http/form-data.server'
import { languageOf } from '#app/i18n/language.server'
import { useLanguage, useT } from '#app/i18n/provider'
import { checkCmpTargets } from '#app/privacy/cmp.server'
import { PrivacySettingsForm, type BannerDefaults } from '#app/privacy/privacy-settings-form'
import { PrivacyFormSchema } from '#app/privacy/schema'
import { useMember } from '#app/routes/_app'
import { CATALOGUES } from '#app/visitor-language/catalogue'
import { listCurrencies, listTimeZones } from '#app/workspaces/locale'
import { WorkspaceSettingsFormSchema } from '#app/workspaces/schema'
import { getWorkspaceSettings, updateWorkspace } from '#app/workspaces/workspace.server'

// The lists come from the server's Intl, the one that checks what is saved (the browser's may know other zones).
export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const [settings, language] = await Promise.all([getWorkspaceSettings({ workspaceId: workspace.id }), languageOf(request)])
  // The banner's own wording by page language: what an empty wording field on the Privacy form shows.
  const bannerDefaults: BannerDefaults = Object.fromEntries(Object.entries(CATALOGUES).map(([language, { consent }]) => [language, consent]))
  // Currency names in the reader's language ("svensk krona (SEK)"), named here so the browser hydrates the same words.
  return {
    timeZones: listTimeZones(),
    currencies: listCurrencies().map((code) => [code, describeCurrency(code, language)] as [string, string]),
    privacy: settings!.privacy,
    bannerDefaults,
  }
}

// Two forms post here: the workspace's name and calendar, and its privacy settings (intent=privacy).
export async function action({ request }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'owner' })
  const read = await readForm(request)
  if (!read.ok) return read.response
  if (read.formData.get('intent') === 'privacy') {
    const parsed = PrivacyFormSchema.safeParse(Object.fromEntries(read.formData))
    if (!parsed.success) return data({ errors: z.flattenError(parsed.error) as FormErrors, form: 'privacy' as const }, { status: 400 })
    const refused = checkCmpTargets(parsed.data.cmp, { fields: { scriptUrl: 'cmpScriptUrl', origins: 'cmpOrigins' } })
    if (refused) return data({ errors: { formErrors: [], fieldErrors: refused } as FormErrors, form: 'privacy' as const }, { status: 400 })
    await updateWorkspace({ workspaceId: workspace.id, changes: { privacy: parsed.data } })
    return { saved: true as const, form: 'privacy' as const, requeued: 0 }
  }
  const parsed = parseFormData(read.formData, WorkspaceSettingsFormSchema)
  if (!parsed.ok) return parsed.response
  const { requeued } = await updateWorkspace({ workspaceId: workspace.id, changes: parsed.data })
  return { saved: true as const, requeued }
}

const selectClass = 'mt-1 block w-full rounded-md border-0 py-2 pl-3 pr-8 text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500'

export default function GeneralSettingsRoute() {
  const { isOwner } = useMember()
  const { privacy, bannerDefaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  // Which of the two forms the answer is about.
  const isPrivacyAnswer = actionData !== undefined && 'form' in actionData
  return (
    <div className="space-y-6">
      <WorkspaceCard />
      <PrivacySettingsForm
        privacy={privacy}
        bannerDefaults={bannerDefaults}
        isOwner={isOwner}
        errors={isPrivacyAnswer && 'errors' in actionData ? (actionData.errors as FormErrors) : undefined}
        isSaved={isPrivacyAnswer && 'saved' in actionData}
      />
    </div>
  )
}

function WorkspaceCard() {
  const { workspace, isOwner } = useMember()
  const { timeZones, currencies } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const actionData = answer && !('form' in answer) ? answer : undefined
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
  return (
    <FieldFrame id={`workspace-${name}`} label={label} hint={hint} error={error}>
      {(wiring) => (
        <select {...wiring} defaultValue={defaultValue} disabled={disabled} className={selectClass} {...register}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  )
}
