import { Form, useSubmit } from '@remix-run/react'
import { useState } from 'react'
import { useHydrated } from '#app/components/use-hydrated'
import { Button } from '#app/components/ui/button'
import { useT } from '#app/i18n/provider'
import { ATTRIBUTION_MODELS, MAX_PERIOD_DAYS } from '#app/kpis/shape'
import { MODEL_LABEL_KEYS } from './attribution'
import { PERIOD_CHOICES, PERIOD_LABEL_KEYS, type DashboardSelection, type PeriodChoice } from './period'

const inputClass = 'mt-1 block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600'

/**
 * A plain GET form: the URL holds the period, the comparison and the attribution model, so the view works
 * without JavaScript and can be shared. With JavaScript a preset or a menu applies at once, typing a date picks
 * "Custom", and a preset's URL leaves the dates out (so a bookmark keeps rolling forward).
 */
export function PeriodPicker({ selection, timeZone }: { selection: DashboardSelection; timeZone: string }) {
  const submit = useSubmit()
  const t = useT()
  const isHydrated = useHydrated()
  const [period, setPeriod] = useState<PeriodChoice>(selection.period)
  const sendsDates = !isHydrated || period === 'custom'
  const applyNow = (form: HTMLFormElement | null) => form && submit(form, { preventScrollReset: true })
  return (
    <Form method="get" aria-label={t('dashboard.period.formLabel')} preventScrollReset className="mb-6 flex flex-wrap items-end gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('dashboard.period.legend')}</legend>
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
              {t(PERIOD_LABEL_KEYS[choice])}
            </label>
          ))}
        </div>
      </fieldset>
      {/* Each date input keeps room for a whole date and its picker button: squeezed into a grid column, at 1366 px
          they were clipped. The controls wrap onto the next line instead. */}
      <fieldset className="grid grid-cols-2 gap-2 *:min-w-[9.5rem]">
        <legend className="sr-only">{t('dashboard.period.customLegend', { timeZone, maxDays: MAX_PERIOD_DAYS })}</legend>
        <label className="text-sm font-medium text-slate-700">
          {t('dashboard.period.from')}
          <input type="date" name={sendsDates ? 'from' : undefined} defaultValue={selection.from} onChange={() => setPeriod('custom')} className={inputClass} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('dashboard.period.to', { timeZone })}
          <input type="date" name={sendsDates ? 'to' : undefined} defaultValue={selection.to} onChange={() => setPeriod('custom')} className={inputClass} />
        </label>
      </fieldset>
      <label className="text-sm font-medium text-slate-700">
        {t('dashboard.period.compareWith')}
        <select name="compare" defaultValue={selection.compare} onChange={(e) => applyNow(e.currentTarget.form)} className={inputClass}>
          <option value="previous">{t('dashboard.period.previous')}</option>
          <option value="none">{t('dashboard.period.nothing')}</option>
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        {t('dashboard.attribution.title')}
        <select name="model" defaultValue={selection.model} onChange={(e) => applyNow(e.currentTarget.form)} className={inputClass}>
          {ATTRIBUTION_MODELS.map((m) => (
            <option key={m} value={m}>
              {t(MODEL_LABEL_KEYS[m])}
            </option>
          ))}
        </select>
      </label>
      <Button>{t('dashboard.period.apply')}</Button>
    </Form>
  )
}
