import { Form, useSubmit } from '@remix-run/react'
import { useState } from 'react'
import { useHydrated } from '#app/components/use-hydrated'
import { Button } from '#app/components/ui/button'
import { ATTRIBUTION_MODEL_LABELS, ATTRIBUTION_MODELS, MAX_PERIOD_DAYS } from '#app/kpis/shape'
import { PERIOD_CHOICES, PERIOD_LABELS, type DashboardSelection, type PeriodChoice } from './period'

const inputClass = 'mt-1 block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600'

/**
 * A plain GET form: the URL holds the period, the comparison and the attribution model, so the view works
 * without JavaScript and can be shared. With JavaScript a preset or a menu applies at once, typing a date picks
 * "Custom", and a preset's URL leaves the dates out (so a bookmark keeps rolling forward).
 */
export function PeriodPicker({ selection, timeZone }: { selection: DashboardSelection; timeZone: string }) {
  const submit = useSubmit()
  const isHydrated = useHydrated()
  const [period, setPeriod] = useState<PeriodChoice>(selection.period)
  const sendsDates = !isHydrated || period === 'custom'
  const applyNow = (form: HTMLFormElement | null) => form && submit(form, { preventScrollReset: true })
  return (
    <Form method="get" aria-label="Dashboard period" preventScrollReset className="mb-6 flex flex-wrap items-end gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Period</legend>
        <div className="mt-1 flex flex-wrap gap-1">
          {PERIOD_CHOICES.map((choice) => (
            <label
              key={choice}
              className="cursor-pointer rounded-md px-2.5 py-1.5 text-sm ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:font-semibold has-[:checked]:text-brand-700 has-[:checked]:ring-2 has-[:checked]:ring-brand-600 has-[:focus-visible]:outline has-[:focus-visible]:outline-2"
            >
              <input
                type="radio"
                name="period"
                value={choice}
                checked={period === choice}
                onChange={(e) => {
                  setPeriod(choice)
                  if (choice !== 'custom') applyNow(e.currentTarget.form)
                }}
                className="sr-only"
              />
              {PERIOD_LABELS[choice]}
            </label>
          ))}
        </div>
      </fieldset>
      {/* Each date input keeps room for a whole date and its picker button: squeezed into a grid column, at 1366 px
          they were clipped. The controls wrap onto the next line instead. */}
      <fieldset className="grid grid-cols-2 gap-2 *:min-w-[9.5rem]">
        <legend className="sr-only">
          Custom period (days in {timeZone}, both included, at most {MAX_PERIOD_DAYS} days)
        </legend>
        <label className="text-sm font-medium text-slate-700">
          From
          <input type="date" name={sendsDates ? 'from' : undefined} defaultValue={selection.from} onChange={() => setPeriod('custom')} className={inputClass} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          To ({timeZone})
          <input type="date" name={sendsDates ? 'to' : undefined} defaultValue={selection.to} onChange={() => setPeriod('custom')} className={inputClass} />
        </label>
      </fieldset>
      <label className="text-sm font-medium text-slate-700">
        Compare with
        <select name="compare" defaultValue={selection.compare} onChange={(e) => applyNow(e.currentTarget.form)} className={inputClass}>
          <option value="previous">The previous period</option>
          <option value="none">Nothing</option>
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Attribution
        <select name="model" defaultValue={selection.model} onChange={(e) => applyNow(e.currentTarget.form)} className={inputClass}>
          {ATTRIBUTION_MODELS.map((m) => (
            <option key={m} value={m}>
              {ATTRIBUTION_MODEL_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <Button>Apply</Button>
    </Form>
  )
}
