import { buttonClass } from '#app/components/ui/button'
import type { CsvTable } from '#app/experiments/results/csv'

/** What each download holds, for the link's accessible name: five links all reading "Download CSV" would be ambiguous. */
const TABLE_NAMES: Record<CsvTable, string> = {
  variants: 'the variant table',
  daily: 'the daily figures',
  device: 'the breakdown by device',
  channel: 'the breakdown by traffic source',
  lead_quality: 'the lead quality table',
}

/** The session-authenticated export of one table (app/routes/_app.experiments.$id_.results[.csv].ts), on the metric in view. */
export function csvHref(experimentId: string, table: CsvTable, metricParam: string) {
  return `/experiments/${experimentId}/results.csv?table=${table}&metric=${encodeURIComponent(metricParam)}`
}

/** A real link with `download`: works without JavaScript, reached with Tab, opened with Enter. */
export function CsvDownloadLink({ experimentId, table, metricParam }: { experimentId: string; table: CsvTable; metricParam: string }) {
  return (
    <a href={csvHref(experimentId, table, metricParam)} download className={buttonClass('secondary', 'px-2.5 py-1 text-xs')} data-testid={`csv-${table}`}>
      Download CSV<span className="sr-only"> of {TABLE_NAMES[table]}</span>
    </a>
  )
}
