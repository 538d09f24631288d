import { lastDays } from '#app/kpis/period'
import { KpiDashboardQuerySchema } from '#app/kpis/schema'
import { KPI_PRESET_DAYS, KPI_PRESETS, type AttributionModel, type KpiComparison, type KpiQuery } from '#app/kpis/shape'

// The dashboard's state lives in its URL (a GET form and plain links), so it works without JavaScript and a
// shared link shows the same view. A preset stays a preset in the URL ("?period=30d"), so a bookmarked
// dashboard keeps rolling forward; a custom period is two fixed days.

export const PERIOD_CHOICES = [...KPI_PRESETS, 'custom'] as const
export type PeriodChoice = (typeof PERIOD_CHOICES)[number]
/** Each choice's label in the catalogue (dashboard.period.*). */
export const PERIOD_LABEL_KEYS: Record<PeriodChoice, string> = { '7d': 'dashboard.period.last7', '30d': 'dashboard.period.last30', '90d': 'dashboard.period.last90', custom: 'dashboard.period.custom' }

export const DEFAULTS = { period: '30d', compare: 'previous', model: 'first' } as const

/** What the URL asked for, resolved to days: the picker shows it, the report is computed for `query`. */
export type DashboardSelection = { period: PeriodChoice; compare: KpiComparison; model: AttributionModel; from: string; to: string }

/**
 * Reads the dashboard's query parameters (KpiDashboardQuerySchema). Anything unreadable falls back to its default
 * and is named in `ignored` (the page says so) rather than failing the home page; a custom period that cannot be
 * read falls back to the default preset.
 */
export function readDashboardQuery(params: URLSearchParams, today: string): { selection: DashboardSelection; query: KpiQuery; ignored: string[] } {
  const values: Record<string, string> = Object.fromEntries(params)
  // Dates without a period (a hand-written link) mean a custom period; with a preset they are the form's leftovers.
  if (!values.period && (values.from || values.to)) values.period = 'custom'
  const ignored: string[] = []
  for (;;) {
    const result = KpiDashboardQuerySchema.safeParse(values)
    if (result.success) {
      const { period = DEFAULTS.period, from, to, model, compare } = result.data
      const days = period === 'custom' ? { from: from!, to: to! } : lastDays(KPI_PRESET_DAYS[period], today)
      const selection: DashboardSelection = { period, compare, model, from: days.from, to: days.to }
      return { selection, query: { from: days.from, to: days.to, model, compare }, ignored }
    }
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? 'period')
      ignored.push(`${key} (${issue.message})`)
      // A custom period's days stand or fall together.
      const dropped = key === 'from' || key === 'to' ? ['period', 'from', 'to'] : [key]
      for (const name of dropped) delete values[name]
    }
  }
}

/** The dashboard's URL for a selection with some parts changed; defaults are left out to keep links short. */
export function dashboardHref(selection: DashboardSelection, changes: Partial<DashboardSelection> = {}) {
  const next = { ...selection, ...changes }
  const params = new URLSearchParams()
  if (next.period !== DEFAULTS.period) params.set('period', next.period)
  if (next.period === 'custom') {
    params.set('from', next.from)
    params.set('to', next.to)
  }
  if (next.compare !== DEFAULTS.compare) params.set('compare', next.compare)
  if (next.model !== DEFAULTS.model) params.set('model', next.model)
  const text = params.toString()
  return text ? `/dashboard?${text}` : '/dashboard'
}
