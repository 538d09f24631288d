import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { CHANNEL_LABELS, CHANNELS } from '#app/attribution/channel'
import { requireMember } from '#app/auth/session.server'
import { formatAmount } from '#app/components/format'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseForm, type FormErrors } from '#app/http/form-data.server'
import { SpendFormSchema } from '#app/kpis/schema'
import { listSpendMonths, saveSpendMonth } from '#app/kpis/spend.server'
import { useMember } from '#app/routes/_app'
import { TableFrame } from '#app/components/ui/table-frame'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const months = await listSpendMonths({ workspaceId: workspace.id })
  const asked = new URL(request.url).searchParams.get('month')
  // The month being edited: ?month=yyyy-mm, else the current one (UTC).
  const month = asked && MONTH.test(asked) ? asked : new Date().toISOString().slice(0, 7)
  return { months, month, amounts: months.find((m) => m.month === month)?.amounts ?? null }
}

export async function action({ request }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'editor' })
  const parsed = await parseForm(request, SpendFormSchema)
  if (!parsed.ok) return parsed.response
  const { month, ...fields } = parsed.data
  const amounts = Object.fromEntries(CHANNELS.map((c) => [c, fields[`spend_${c}`]]).filter(([, v]) => v !== undefined))
  await saveSpendMonth({ workspaceId: workspace.id, month, amounts })
  return { saved: month }
}

export default function SpendRoute() {
  const { months, month, amounts } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit } = useMember()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const saved = actionData && 'saved' in actionData ? actionData.saved : null
  return (
    <div className="space-y-6">
      <Card
        title="Marketing spend"
        description="What you spent per month on each traffic source, in your currency. The dashboard prorates a month by the days of it a period covers, and computes CAC and ROI from it."
      >
        <SpendForm key={`${month}-${JSON.stringify(amounts)}`} month={month} amounts={amounts} canEdit={canEdit} errors={errors} saved={saved} />
      </Card>
      <Card title="Months entered">
        {months.length === 0 ? (
          <p className="text-sm text-slate-600">No spend entered yet.</p>
        ) : (
          <TableFrame label="Months entered">
            <table className="min-w-full text-sm">
              <thead>
                <tr className="text-left text-slate-500">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Month
                  </th>
                  {CHANNELS.map((c) => (
                    <th key={c} scope="col" className="py-2 pr-4 text-right font-medium">
                      {CHANNEL_LABELS[c]}
                    </th>
                  ))}
                  <th scope="col" className="py-2 text-right font-medium">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className="py-2 pr-4 text-left font-medium">
                      <Link to={`?month=${m.month}`} className="text-brand-700 underline">
                        {m.month}
                      </Link>
                    </th>
                    {CHANNELS.map((c) => (
                      <td key={c} className="py-2 pr-4 text-right tabular-nums">
                        {formatAmount(m.amounts[c])}
                      </td>
                    ))}
                    <td className="py-2 text-right font-medium tabular-nums">{formatAmount(m.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </Card>
    </div>
  )
}

type Amounts = Record<(typeof CHANNELS)[number], number | null> | null

function SpendForm({ month, amounts, canEdit, errors, saved }: { month: string; amounts: Amounts; canEdit: boolean; errors?: FormErrors; saved: string | null }) {
  const { form, onSubmit, errorFor, isSubmitting, Form: ZodForm } = useZodForm(SpendFormSchema, errors)
  return (
    <ZodForm method="post" onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-3">
      <div className="md:col-span-3">
        <FormErrorList errors={errors?.formErrors} />
      </div>
      <Field label="Month" type="month" defaultValue={month} disabled={!canEdit} error={errorFor('month')} hint="Pick a month to enter or change its spend." {...form.register('month')} />
      <div className="hidden md:col-span-2 md:block" />
      {CHANNELS.map((c) => (
        <Field
          key={c}
          label={CHANNEL_LABELS[c]}
          inputMode="decimal"
          defaultValue={amounts?.[c] ?? ''}
          placeholder="0"
          disabled={!canEdit}
          error={errorFor(`spend_${c}`)}
          {...form.register(`spend_${c}`)}
        />
      ))}
      <div className="flex flex-wrap items-center gap-3 md:col-span-3">
        {canEdit ? <Button disabled={isSubmitting}>Save {month}</Button> : <p className="text-sm text-slate-500">Viewers cannot change spend.</p>}
        {saved ? (
          <p role="status" className="text-sm text-green-700">
            Saved {saved}.
          </p>
        ) : null}
        <p className="text-sm text-slate-500">An empty source means nothing was spent on it that month.</p>
      </div>
    </ZodForm>
  )
}
