import type { MetaFunction } from '@remix-run/node'
import { EmptyState, PageHeader } from '#app/components/ui/card'

export const meta: MetaFunction = () => [{ title: 'Pages · Splitform' }]

// No loader: the app layout's loader already requires a member, and this screen has no data yet.
export default function PagesRoute() {
  return (
    <>
      <PageHeader title="Pages" description="Landing pages and their variants" />
      <EmptyState title="Nothing here yet">
        <p>Landing pages you build in the visual editor will be listed here, with their variants and published versions. The page editor is not available yet.</p>
      </EmptyState>
    </>
  )
}
