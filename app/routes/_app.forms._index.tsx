import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { requireMember } from '#app/auth/session.server'
import { formatCount } from '#app/components/format'
import { useDateTime } from '#app/components/use-date-time'
import { Button } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { newFormDefinition } from '#app/forms/builder'
import { ConversionBadge } from '#app/forms/conversion-badge'
import { PURPOSE_KEYS } from '#app/forms/labels'
import { PURPOSES, type PurposeId } from '#app/forms/purposes'
import { createForm, listForms } from '#app/forms/form.server'
import { NewFormSchema } from '#app/forms/schema'
import { parseForm, type FormErrors } from '#app/http/form-data.server'
import { titleFrom } from '#app/i18n/meta'
import { useLanguage, useMessage, useT } from '#app/i18n/provider'
import { useMember } from '#app/routes/_app'
import { TableFrame } from '#app/components/ui/table-frame'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'forms.list.title') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  return { forms: await listForms({ workspaceId: workspace.id }) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'editor' })
  const parsed = await parseForm(request, NewFormSchema)
  if (!parsed.ok) return parsed.response
  const { name, purpose, conversionType } = parsed.data
  const definition = newFormDefinition({ purpose, conversionType: conversionType || undefined })
  const form = await createForm({ workspaceId: workspace.id, name, definition })
  throw redirect(`/forms/${form.id}`)
}

export default function FormsRoute() {
  const { forms } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit } = useMember()
  const active = forms.filter((f) => !f.archivedAt)
  const archived = forms.filter((f) => f.archivedAt)
  const t = useT()
  return (
    <>
      <PageHeader title={t('forms.list.title')} description={t('forms.list.description')} />
      {canEdit ? <NewFormCard errors={actionData?.errors} /> : null}
      <div className="mt-6 space-y-6">
        {active.length === 0 ? (
          <EmptyState title={t('forms.list.emptyTitle')}>
            <p>{canEdit ? t('forms.list.emptyHint') : t('forms.list.emptyViewer')}</p>
          </EmptyState>
        ) : (
          <FormTable title={t('forms.list.allForms')} forms={active} />
        )}
        {archived.length ? <FormTable title={t('forms.list.archived')} description={t('forms.list.archivedDescription')} forms={archived} /> : null}
      </div>
    </>
  )
}

type FormRow = ReturnType<typeof useLoaderData<typeof loader>>['forms'][number]

function FormTable({ title, description, forms }: { title: string; description?: string; forms: FormRow[] }) {
  const { dateTime } = useDateTime()
  const t = useT()
  const language = useLanguage()
  const purposeLabel = (id: string) => (id in PURPOSE_KEYS ? t(PURPOSE_KEYS[id as PurposeId].label) : id)
  return (
    <Card title={title} description={description}>
      <TableFrame label={t('forms.list.title')}>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              {[t('forms.list.name'), t('forms.list.purpose'), t('forms.list.conversion'), t('forms.list.fields'), t('forms.list.updated')].map((h) => (
                <th key={h} className="py-2 pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {forms.map((f) => (
              <tr key={f.id} data-testid="form-row">
                <td className="py-2 pr-4">
                  <Link to={`/forms/${f.id}`} className="font-medium text-brand-700 hover:underline">
                    {f.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{purposeLabel(f.purpose)}</td>
                <td className="py-2 pr-4">
                  <ConversionBadge type={f.conversionType} />
                </td>
                <td className="py-2 pr-4">{formatCount(f.fieldCount, 0, language)}</td>
                <td className="py-2 pr-4">{dateTime(f.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </Card>
  )
}

/** Name and purpose; the purpose presets soft or hard and the starter fields, and the marketer may override the type. */
function NewFormCard({ errors }: { errors?: FormErrors }) {
  const [purpose, setPurpose] = useState<PurposeId>('demo_request')
  const preset = PURPOSES.find((p) => p.id === purpose)?.conversionType ?? 'soft'
  const t = useT()
  const translate = useMessage()
  return (
    <Card title={t('forms.new.title')} description={t('forms.new.description')}>
      <Form method="post" className="grid gap-4">
        <FormErrorList errors={errors?.formErrors} />
        <Field label={t('forms.new.name')} name="name" maxLength={120} required error={errors?.fieldErrors.name?.[0]} className="max-w-md" />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t('forms.list.purpose')}</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {PURPOSES.map((p) => (
              <label key={p.id} className="flex cursor-pointer flex-col rounded-lg p-3 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-600">
                <span className="flex items-center gap-2 font-medium">
                  <input type="radio" name="purpose" value={p.id} checked={purpose === p.id} onChange={() => setPurpose(p.id)} />
                  {t(PURPOSE_KEYS[p.id].label)}
                </span>
                <span className="mt-1 text-xs text-slate-500">{t(PURPOSE_KEYS[p.id].description)}</span>
                <span className="mt-2">
                  <ConversionBadge type={p.conversionType} />
                </span>
              </label>
            ))}
          </div>
          {errors?.fieldErrors.purpose ? <p className="mt-1 text-sm text-red-600">{translate(errors.fieldErrors.purpose[0])}</p> : null}
        </fieldset>
        <div className="max-w-md">
          <label htmlFor="new-form-conversion" className="block text-sm font-medium text-slate-700">
            {t('forms.new.conversionType')}
          </label>
          <select id="new-form-conversion" name="conversionType" defaultValue="" className="mt-1 block w-full rounded-md px-3 py-2 ring-1 ring-slate-300">
            <option value="">{t('forms.new.asPurpose', { preset })}</option>
            <option value="soft">{t('forms.new.soft')}</option>
            <option value="hard">{t('forms.new.hard')}</option>
          </select>
        </div>
        <div>
          <Button>{t('forms.new.submit')}</Button>
        </div>
      </Form>
    </Card>
  )
}
