import type { MetaFunction } from '@remix-run/node'
import { EmptyState, PageHeader } from '#app/components/ui/card'

export const meta: MetaFunction = () => [{ title: 'Dashboard · Splitform' }]

// No loader: the app layout's loader already requires a member, and this screen has no data yet.
export default function DashboardRoute() {
  return (
    <>
      <PageHeader title="Dashboard" description="Your marketing numbers" />
      <EmptyState title="Nothing here yet">
        <p>The dashboard will show visitors, leads, the funnel from lead to customer, traffic sources and mobile once your pages receive traffic. Nothing has been recorded in this workspace yet.</p>
      </EmptyState>
    </>
  )
}
