import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

type StatusHandler = (error: { status: number; data: unknown }) => React.ReactNode

/** Renders thrown Responses by status and anything else as a generic message (never a stack trace). */
export function GeneralErrorBoundary({ statusHandlers = {} }: { statusHandlers?: Record<number, StatusHandler> }) {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    const handler = statusHandlers[error.status]
    return (
      <div role="alert" className="space-y-3">
        <h1 className="text-2xl font-semibold">{error.status === 404 ? 'Page not found' : `Error ${error.status}`}</h1>
        {handler ? handler(error) : <p className="text-slate-600">{typeof error.data === 'string' ? error.data : error.statusText}</p>}
        <Link to="/" className="text-brand-700 underline">
          Go to the start page
        </Link>
      </div>
    )
  }
  if (typeof document !== 'undefined') console.error(error)
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">We could not complete this request. Try again in a moment.</p>
      <Link to="/" className="text-brand-700 underline">
        Go to the start page
      </Link>
    </div>
  )
}
