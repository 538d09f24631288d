import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { CHANNELS } from '#app/attribution/channel'
import { channelKey } from '#app/attribution/channel-keys'
import { requireMember } from '#app/auth/session.server'
import { describeCurrency, formatAmount, moneyHeading } from '#app/components/format'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseForm, type FormErrors } from '#app/http/form-data.server'
import { useLanguage, useT } from '#app/i18n/provider'
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
  const { canEdit, workspace } = useMember()
  const t = useT()
  const language = useLanguage()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const saved = actionData && 'saved' in actionData ? actionData.saved : null
  return (
    <div className="space-y-6">
      <Card title={t('settings.spend.title')} description={t('settings.spend.description', { currency: describeCurrency(workspace.currency, language) })}>
        <SpendForm key={`${month}-${JSON.stringify(amounts)}`} month={month} amounts={amounts} canEdit={canEdit} errors={errors} saved={saved} />
      </Card>
      <Card title={t('settings.spend.monthsTitle')} description={t('settings.spend.monthsDescription', { currency: workspace.currency })}>
        {months.length === 0 ? (
          <p className="text-sm text-slate-600">{t('settings.spend.none')}</p>
        ) : (
          <TableFrame label={t('settings.spend.monthsTitle')}>
            <table className="min-w-full text-sm">
              <thead>
                <tr className="text-left text-slate-500">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('settings.spend.month')}
                  </th>
                  {CHANNELS.map((c) => (
                    <th key={c} scope="col" className="py-2 pr-4 text-right font-medium">
                      {t(channelKey(c))}
                    </th>
                  ))}
                  <th scope="col" className="py-2 text-right font-medium">
                    {moneyHeading(t('settings.spend.total'), workspace.currency)}
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
                        {formatAmount(m.amounts[c], 2, language)}
                      </td>
                    ))}
                    <td className="py-2 text-right font-medium tabular-nums">{formatAmount(m.total, 2, language)}</td>
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
  const t = useT()
  const { workspace } = useMember()
  return (
    <ZodForm method="post" onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-3">
      <div className="md:col-span-3">
        <FormErrorList errors={errors?.formErrors} />
      </div>
      <Field label={t('settings.spend.month')} type="month" defaultValue={month} disabled={!canEdit} error={errorFor('month')} hint={t('settings.spend.monthHint')} {...form.register('month')} />
      <div className="hidden md:col-span-2 md:block" />
      {CHANNELS.map((c) => (
        <Field
          key={c}
          label={moneyHeading(t(channelKey(c)), workspace.currency)}
          inputMode="decimal"
          defaultValue={amounts?.[c] ?? ''}
          placeholder="0"
          disabled={!canEdit}
          error={errorFor(`spend_${c}`)}
          {...form.register(`spend_${c}`)}
        />
      ))}
      <div className="flex flex-wrap items-center gap-3 md:col-span-3">
        {canEdit ? <Button disabled={isSubmitting}>{t('settings.spend.save', { month })}</Button> : <p className="text-sm text-slate-500">{t('settings.spend.viewersCannot')}</p>}
        {saved ? (
          <p role="status" className="text-sm text-green-700">
            {t('settings.spend.saved', { month: saved })}
          </p>
        ) : null}
        <p className="text-sm text-slate-500">{t('settings.spend.emptyMeansNone')}</p>
      </div>
    </ZodForm>
  )
}
