import { CHANNEL_LABELS, type Channel } from '#app/attribution/channel'
import { decodeLeadCursor } from '#app/leads/cursor'
import { toCsv, type CsvCell } from '#app/leads/csv'
import { listLeads, type LeadListQuery } from '#app/leads/list.server'
import { STAGE_LABELS } from '#app/leads/stages'

/** Past this many rows an export stops: a bigger list is better narrowed by filters than opened in a spreadsheet. */
export const EXPORT_MAX_ROWS = 50_000
const EXPORT_PAGE_SIZE = 1000

const HEADERS = ['Email', 'Name', 'Company', 'Phone', 'Temperature', 'Stage', 'Deal value', 'Score', 'Source', 'Heard about us', 'First seen', 'Last conversion', 'Created', 'Lead id']

/** The filtered inbox as CSV (formula-safe, see csv.ts), read page by page with the inbox's own query. */
export async function exportLeadsCsv({ workspaceId, timeZone, filters, sort }: { workspaceId: string; timeZone?: string } & Pick<LeadListQuery, 'filters' | 'sort'>) {
  const rows: CsvCell[][] = []
  let cursor: LeadListQuery['cursor'] = null
  let truncated = false
  for (;;) {
    const limit = Math.min(EXPORT_PAGE_SIZE, EXPORT_MAX_ROWS - rows.length)
    const page = await listLeads({ workspaceId, timeZone, filters, sort, cursor, limit })
    for (const lead of page.leads) {
      rows.push([
        lead.email,
        lead.name,
        lead.company,
        lead.phone,
        lead.temperature,
        STAGE_LABELS[lead.stage],
        lead.dealValue,
        lead.score,
        CHANNEL_LABELS[lead.source as Channel] ?? lead.source,
        lead.heardAbout,
        lead.firstSeenAt,
        lead.lastConversionAt,
        lead.createdAt,
        lead.id,
      ])
    }
    if (!page.next) break
    if (rows.length >= EXPORT_MAX_ROWS) {
      truncated = true
      break
    }
    cursor = decodeLeadCursor(page.next, sort)
  }
  return { csv: toCsv(HEADERS, rows), rowCount: rows.length, truncated }
}
