import { buttonClass } from '#app/components/ui/button'
import type { CsvTable } from '#app/experiments/results/csv'
import { Trans, useT } from '#app/i18n/provider'

/** What each download holds, for the link's accessible name: five links all reading "Download CSV" would be ambiguous. */
const TABLE_NAMES: Record<CsvTable, string> = {
  variants: 'results.csv.variants',
  daily: 'results.csv.daily',
  device: 'results.csv.device',
  channel: 'results.csv.channel',
  lead_quality: 'results.csv.leadQuality',
}

/** The session-authenticated export of one table (app/routes/_app.experiments.$id_.results[.csv].ts), on the metric in view. */
export function csvHref(experimentId: string, table: CsvTable, metricParam: string) {
  return `/experiments/${experimentId}/results.csv?table=${table}&metric=${encodeURIComponent(metricParam)}`
}

/** A real link with `download`: works without JavaScript, reached with Tab, opened with Enter. */
export function CsvDownloadLink({ experimentId, table, metricParam }: { experimentId: string; table: CsvTable; metricParam: string }) {
  const t = useT()
  return (
    <a href={csvHref(experimentId, table, metricParam)} download className={buttonClass('secondary', 'px-2.5 py-1 text-xs')} data-testid={`csv-${table}`}>
      <Trans i18nKey="results.csv.download" values={{ table: t(TABLE_NAMES[table]) }} components={{ hidden: <span className="sr-only" /> }} />
    </a>
  )
}
