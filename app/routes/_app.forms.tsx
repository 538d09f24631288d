import type { MetaFunction } from '@remix-run/node'
import { EmptyState, PageHeader } from '#app/components/ui/card'

export const meta: MetaFunction = () => [{ title: 'Forms · Splitform' }]

// No loader: the app layout's loader already requires a member, and this screen has no data yet.
export default function FormsRoute() {
  return (
    <>
      <PageHeader title="Forms" description="Soft and hard conversion forms" />
      <EmptyState title="Nothing here yet">
        <p>Forms turn visitors into leads: soft conversions (newsletter, download, webinar) and hard conversions (demo, meeting, quote). The form builder is not available yet.</p>
      </EmptyState>
    </>
  )
}
