import { Form, Link } from '@remix-run/react'
import { CHANNEL_LABELS, CHANNELS } from '#app/attribution/channel'
import { DEVICE_LABELS } from '#app/attribution/device'
import { Button } from '#app/components/ui/button'
import { LEAD_SORTS, SORT_LABELS, type LeadFilters, type LeadSort } from '#app/leads/schema'
import { LEAD_STAGES, STAGE_LABELS } from '#app/leads/stages'

type Option = { id: string; name: string }
/** `timeZone`: the workspace's, which the dates are days in. */
type Props = { filters: LeadFilters; sort: LeadSort; options: { forms: Option[]; pages: Option[] }; timeZone: string }

const inputClass = 'mt-1 block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600'

/** A plain GET form: the URL holds the filters, so they work without JavaScript and can be bookmarked or shared. */
export function LeadFiltersForm({ filters, sort, options, timeZone }: Props) {
  return (
    <Form method="get" role="search" aria-label="Filter leads" className="mb-6 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4">
      <label className="text-sm font-medium text-slate-700 sm:col-span-2">
        Search
        <input type="search" name="q" defaultValue={filters.q ?? ''} maxLength={200} placeholder="Email, name or company" className={inputClass} />
      </label>
      <Select
        label="Temperature"
        name="temperature"
        value={filters.temperature}
        options={[
          ['hot', 'Hot'],
          ['cold', 'Cold'],
        ]}
      />
      <Select
        label="Double opt-in"
        name="confirmation"
        value={filters.confirmation}
        options={[
          ['confirmed', 'Confirmed'],
          ['unconfirmed', 'Unconfirmed'],
        ]}
      />
      <Select label="Stage" name="stage" value={filters.stage} options={LEAD_STAGES.map((s) => [s, STAGE_LABELS[s]])} />
      <Select label="Source (first touch)" name="source" value={filters.source} options={CHANNELS.map((c) => [c, CHANNEL_LABELS[c]])} />
      <Select label="Form" name="formId" value={filters.formId} options={options.forms.map((f) => [f.id, f.name])} />
      <Select label="Page" name="pageId" value={filters.pageId} options={options.pages.map((p) => [p.id, p.name])} />
      <div className="grid grid-cols-2 gap-2">
        <label className="text-sm font-medium text-slate-700">
          Created from
          <input type="date" name="from" defaultValue={filters.from ?? ''} className={inputClass} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          to ({timeZone})
          <input type="date" name="to" defaultValue={filters.to ?? ''} className={inputClass} />
        </label>
      </div>
      <label className="text-sm font-medium text-slate-700">
        Sort by
        <select name="sort" defaultValue={sort} className={inputClass}>
          {LEAD_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <DashboardFilters filters={filters} />
      <div className="flex items-end gap-2 lg:col-span-3">
        <Button>Apply</Button>
        <Link to="/leads" className="rounded-md px-3 py-2 text-sm text-slate-600 hover:bg-slate-100">
          Clear
        </Link>
      </div>
    </Form>
  )
}

/** Filters the dashboard links with (no inputs of their own): named, kept by Apply, dropped by Clear. */
function DashboardFilters({ filters }: { filters: LeadFilters }) {
  const { reached, reachedFrom, reachedTo, touched, device, heardAbout, conversionType, variantKey, convertedFrom, convertedTo } = filters
  const converted = conversionType || variantKey || convertedFrom || convertedTo
  const parts = [
    converted
      ? `a ${conversionType ?? ''} conversion${variantKey ? ` on variant ${variantKey}` : ''}${convertedFrom || convertedTo ? ` between ${convertedFrom ?? 'the start'} and ${convertedTo ?? 'today'}` : ''}`.replace(
          'a  ',
          'a ',
        )
      : null,
    reached ? `reached ${STAGE_LABELS[reached]}${reachedFrom || reachedTo ? ` (first between ${reachedFrom ?? 'the start'} and ${reachedTo ?? 'today'})` : ''}` : null,
    touched ? `a touch from ${CHANNEL_LABELS[touched]}` : null,
    device ? `first converted on ${DEVICE_LABELS[device]}` : null,
    heardAbout ? `heard about us: “${heardAbout}”` : null,
  ].filter(Boolean)
  if (!parts.length) return null
  const hidden = Object.entries({ reached, reachedFrom, reachedTo, touched, device, heardAbout, conversionType, variantKey, convertedFrom, convertedTo }).filter(([, v]) => v)
  return (
    <p className="text-sm text-slate-700 sm:col-span-2 lg:col-span-4">
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      From the dashboard: leads with {parts.join(', ')}.
    </p>
  )
}

function Select({ label, name, value, options }: { label: string; name: string; value: string | undefined; options: [string, string][] }) {
  return (
    <label className="text-sm font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value ?? ''} className={inputClass}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}
