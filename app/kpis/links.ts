import type { LeadFilters } from '#app/leads/schema'

// Where a number on the dashboard leads: the leads inbox filtered to the leads behind it, or the page.

type LeadLink = Partial<Record<keyof LeadFilters, string | null | undefined>>

/** /leads with these filters (blank ones left out), in a stable order. */
export function leadsHref(filters: LeadLink): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(filters).sort(([a], [b]) => a.localeCompare(b))) if (value) params.set(name, value)
  const query = params.toString()
  return query ? `/leads?${query}` : '/leads'
}

/** The leads created in a period, with more filters. */
export function periodLeadsHref(period: { from: string; to: string }, filters: LeadLink = {}) {
  return leadsHref({ from: period.from, to: period.to, ...filters })
}

export function pageHref(pageId: string) {
  return `/pages/${pageId}`
}
