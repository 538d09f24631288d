import type { MetaFunction } from '@remix-run/node'
import { EmptyState, PageHeader } from '#app/components/ui/card'

export const meta: MetaFunction = () => [{ title: 'Leads · Splitform' }]

// No loader: the app layout's loader already requires a member, and this screen has no data yet.
export default function LeadsRoute() {
  return (
    <>
      <PageHeader title="Leads" description="Everyone who converted" />
      <EmptyState title="Nothing here yet">
        <p>Every conversion becomes a lead, hot or cold, with its source and journey. No leads have been captured in this workspace yet.</p>
      </EmptyState>
    </>
  )
}
