import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { requireMember } from '#app/auth/session.server'
import { formatDateTime } from '#app/components/format'
import { Button } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { newFormDefinition } from '#app/forms/builder'
import { ConversionBadge } from '#app/forms/conversion-badge'
import { PURPOSES, type PurposeId } from '#app/forms/purposes'
import { createForm, listForms } from '#app/forms/form.server'
import { NewFormSchema } from '#app/forms/schema'
import { parseForm, type FormErrors } from '#app/http/form-data.server'
import { useMember } from '#app/routes/_app'
import { TableFrame } from '#app/components/ui/table-frame'

export const meta: MetaFunction = () => [{ title: 'Forms · Splitform' }]

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

const purposeLabel = (id: string) => PURPOSES.find((p) => p.id === id)?.label ?? id

export default function FormsRoute() {
  const { forms } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit } = useMember()
  const active = forms.filter((f) => !f.archivedAt)
  const archived = forms.filter((f) => f.archivedAt)
  return (
    <>
      <PageHeader
        title="Forms"
        description="Forms turn visitors into leads: soft conversions (newsletter, download, webinar) give cold leads, hard conversions (demo, meeting, quote, contact sales) give hot leads."
      />
      {canEdit ? <NewFormCard errors={actionData?.errors} /> : null}
      <div className="mt-6 space-y-6">
        {active.length === 0 ? (
          <EmptyState title="No forms yet">
            <p>{canEdit ? 'Create your first form above: pick what it is for and you get a short, proven set of fields to start from.' : 'Editors of this workspace can create forms.'}</p>
          </EmptyState>
        ) : (
          <FormTable title="All forms" forms={active} />
        )}
        {archived.length ? <FormTable title="Archived" description="Archived forms keep their conversions and leads; pages no longer offer them." forms={archived} /> : null}
      </div>
    </>
  )
}

type FormRow = ReturnType<typeof useLoaderData<typeof loader>>['forms'][number]

function FormTable({ title, description, forms }: { title: string; description?: string; forms: FormRow[] }) {
  return (
    <Card title={title} description={description}>
      <TableFrame label="Forms">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-500">
            <tr>
              {['Name', 'Purpose', 'Conversion', 'Fields', 'Updated'].map((h) => (
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
                <td className="py-2 pr-4">{f.fieldCount}</td>
                <td className="py-2 pr-4">{formatDateTime(f.updatedAt)}</td>
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
  return (
    <Card title="New form" description="Pick what the form is for: it sets soft or hard and a short set of starter fields, which you then edit.">
      <Form method="post" className="grid gap-4">
        <FormErrorList errors={errors?.formErrors} />
        <Field label="Name (only you see it)" name="name" maxLength={120} required error={errors?.fieldErrors.name?.[0]} className="max-w-md" />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Purpose</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {PURPOSES.map((p) => (
              <label key={p.id} className="flex cursor-pointer flex-col rounded-lg p-3 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-600">
                <span className="flex items-center gap-2 font-medium">
                  <input type="radio" name="purpose" value={p.id} checked={purpose === p.id} onChange={() => setPurpose(p.id)} />
                  {p.label}
                </span>
                <span className="mt-1 text-xs text-slate-500">{p.description}</span>
                <span className="mt-2">
                  <ConversionBadge type={p.conversionType} />
                </span>
              </label>
            ))}
          </div>
          {errors?.fieldErrors.purpose ? <p className="mt-1 text-sm text-red-600">{errors.fieldErrors.purpose[0]}</p> : null}
        </fieldset>
        <div className="max-w-md">
          <label htmlFor="new-form-conversion" className="block text-sm font-medium text-slate-700">
            Conversion type
          </label>
          <select id="new-form-conversion" name="conversionType" defaultValue="" className="mt-1 block w-full rounded-md px-3 py-2 ring-1 ring-slate-300">
            <option value="">As the purpose suggests ({preset})</option>
            <option value="soft">Soft: contact details, a cold lead to nurture</option>
            <option value="hard">Hard: intent to buy, a hot lead for sales</option>
          </select>
        </div>
        <div>
          <Button>Create form</Button>
        </div>
      </Form>
    </Card>
  )
}
