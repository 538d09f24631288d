import { Form, Link } from '@remix-run/react'
import { CHANNELS } from '#app/attribution/channel'
import { Button } from '#app/components/ui/button'
import { useT } from '#app/i18n/provider'
import { CHANNEL_KEYS, SORT_KEYS, STAGE_KEYS } from '#app/leads/labels'
import { LEAD_SORTS, type LeadFilters, type LeadSort } from '#app/leads/schema'
import { LEAD_STAGES } from '#app/leads/stages'

type Option = { id: string; name: string }
/** `timeZone`: the workspace's, which the dates are days in. */
type Props = { filters: LeadFilters; sort: LeadSort; options: { forms: Option[]; pages: Option[] }; timeZone: string }

const inputClass = 'mt-1 block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600'

/** A plain GET form: the URL holds the filters, so they work without JavaScript and can be bookmarked or shared. */
export function LeadFiltersForm({ filters, sort, options, timeZone }: Props) {
  const t = useT()
  return (
    <Form method="get" role="search" aria-label={t('leads.filters.label')} className="mb-6 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4">
      <label className="text-sm font-medium text-slate-700 sm:col-span-2">
        {t('leads.filters.search')}
        <input type="search" name="q" defaultValue={filters.q ?? ''} maxLength={200} placeholder={t('leads.filters.searchPlaceholder')} className={inputClass} />
      </label>
      <Select
        label={t('leads.filters.temperature')}
        name="temperature"
        value={filters.temperature}
        options={[
          ['hot', t('leads.badges.hot')],
          ['cold', t('leads.badges.cold')],
        ]}
      />
      <Select
        label={t('leads.filters.doubleOptIn')}
        name="confirmation"
        value={filters.confirmation}
        options={[
          ['confirmed', t('leads.filters.confirmed')],
          ['unconfirmed', t('leads.badges.unconfirmed')],
        ]}
      />
      <Select label={t('leads.filters.stage')} name="stage" value={filters.stage} options={LEAD_STAGES.map((s) => [s, t(STAGE_KEYS[s])])} />
      <Select label={t('leads.filters.source')} name="source" value={filters.source} options={CHANNELS.map((c) => [c, t(CHANNEL_KEYS[c])])} />
      <Select label={t('leads.filters.form')} name="formId" value={filters.formId} options={options.forms.map((f) => [f.id, f.name])} />
      <Select label={t('leads.filters.page')} name="pageId" value={filters.pageId} options={options.pages.map((p) => [p.id, p.name])} />
      <div className="grid grid-cols-2 gap-2">
        <label className="text-sm font-medium text-slate-700">
          {t('leads.filters.createdFrom')}
          <input type="date" name="from" defaultValue={filters.from ?? ''} className={inputClass} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('leads.filters.createdTo', { timeZone })}
          <input type="date" name="to" defaultValue={filters.to ?? ''} className={inputClass} />
        </label>
      </div>
      <label className="text-sm font-medium text-slate-700">
        {t('leads.filters.sortBy')}
        <select name="sort" defaultValue={sort} className={inputClass}>
          {LEAD_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(SORT_KEYS[s])}
            </option>
          ))}
        </select>
      </label>
      <DashboardFilters filters={filters} />
      <div className="flex items-end gap-2 lg:col-span-3">
        <Button>{t('leads.filters.apply')}</Button>
        <Link to="/leads" className="rounded-md px-3 py-2 text-sm text-slate-600 hover:bg-slate-100">
          {t('leads.filters.clear')}
        </Link>
      </div>
    </Form>
  )
}

/** Filters the dashboard links with (no inputs of their own): named, kept by Apply, dropped by Clear. */
function DashboardFilters({ filters }: { filters: LeadFilters }) {
  const t = useT()
  const { reached, reachedFrom, reachedTo, touched, device, heardAbout, conversionType, variantKey, convertedFrom, convertedTo } = filters
  const converted = conversionType || variantKey || convertedFrom || convertedTo
  const from = (day: string | undefined) => day ?? t('leads.filters.fromDashboard.start')
  const to = (day: string | undefined) => day ?? t('leads.filters.fromDashboard.today')
  const parts = [
    converted
      ? t('leads.filters.fromDashboard.converted', {
          type: conversionType ?? 'any',
          hasVariant: variantKey ? 'yes' : 'no',
          variant: variantKey ?? '',
          hasDates: convertedFrom || convertedTo ? 'yes' : 'no',
          from: from(convertedFrom),
          to: to(convertedTo),
        })
      : null,
    reached ? t('leads.filters.fromDashboard.reached', { stage: t(STAGE_KEYS[reached]), hasDates: reachedFrom || reachedTo ? 'yes' : 'no', from: from(reachedFrom), to: to(reachedTo) }) : null,
    touched ? t('leads.filters.fromDashboard.touched', { channel: t(CHANNEL_KEYS[touched]) }) : null,
    device ? t('leads.filters.fromDashboard.device', { device }) : null,
    heardAbout ? t('leads.filters.fromDashboard.heardAbout', { answer: heardAbout }) : null,
  ].filter(Boolean)
  if (!parts.length) return null
  const hidden = Object.entries({ reached, reachedFrom, reachedTo, touched, device, heardAbout, conversionType, variantKey, convertedFrom, convertedTo }).filter(([, v]) => v)
  return (
    <p className="text-sm text-slate-700 sm:col-span-2 lg:col-span-4">
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {t('leads.filters.fromDashboard.sentence', { parts: parts.join(', ') })}
    </p>
  )
}

function Select({ label, name, value, options }: { label: string; name: string; value: string | undefined; options: [string, string][] }) {
  const t = useT()
  return (
    <label className="text-sm font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value ?? ''} className={inputClass}>
        <option value="">{t('leads.filters.any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}
