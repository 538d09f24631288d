import type { MetaFunction } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary'

export const meta: MetaFunction = () => [{ title: 'Not found · Splitform' }]

// Every URL no other route claims lands here and gets a real 404 status.
export async function loader() {
  throw new Response('There is no page at this address.', { status: 404 })
}

export async function action() {
  throw new Response('There is no page at this address.', { status: 404 })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <GeneralErrorBoundary />
    </main>
  )
}
