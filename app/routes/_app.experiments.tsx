import type { MetaFunction } from '@remix-run/node'
import { EmptyState, PageHeader } from '#app/components/ui/card'

export const meta: MetaFunction = () => [{ title: 'Experiments · Splitform' }]

// No loader: the app layout's loader already requires a member, and this screen has no data yet.
export default function ExperimentsRoute() {
  return (
    <>
      <PageHeader title="Experiments" description="A/B tests across page variants" />
      <EmptyState title="Nothing here yet">
        <p>Experiments split visitors across a page's variants and tell you which converts best, and whether its leads are better. None have been run in this workspace.</p>
      </EmptyState>
    </>
  )
}
