// The results' CSV as an HTTP download, in one place for both doors: the API (GET /api/v1/experiments/:id/results
// ?format=csv) and the results page's download links (GET /experiments/:id/results.csv, a member's session).

import { CSV_TABLES, resultsCsv, type CsvTable } from './csv'
import type { ExperimentResults } from './shape'

/** `?table=`: one of CSV_TABLES; absent means the variant table. */
export function parseCsvTable(param: string | null): { ok: true; table: CsvTable } | { ok: false; errors: { table: string[] } } {
  if (param === null) return { ok: true, table: 'variants' }
  if ((CSV_TABLES as readonly string[]).includes(param)) return { ok: true, table: param as CsvTable }
  return { ok: false, errors: { table: [`Unknown table "${param.slice(0, 50)}": use ${CSV_TABLES.join(', ')}`] } }
}

/** The table as an attachment named after the experiment, the metric and the table; never cached (private data). */
export function csvDownload(results: ExperimentResults, table: CsvTable, headers: Record<string, string> = {}) {
  return new Response(resultsCsv(results, table), {
    headers: {
      'Cache-Control': 'private, no-store',
      ...headers,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="experiment-${results.experiment.id}-${results.metric.param}-${table}.csv"`,
    },
  })
}
