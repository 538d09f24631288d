import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useMessage } from '#app/i18n/provider'

type StatusHandler = (error: { status: number; data: unknown }) => React.ReactNode

/** Renders thrown Responses by status and anything else as a generic message (never a stack trace). */
export function GeneralErrorBoundary({ statusHandlers = {} }: { statusHandlers?: Record<number, StatusHandler> }) {
  const error = useRouteError()
  const { t } = useTranslation()
  const translate = useMessage()
  if (isRouteErrorResponse(error)) {
    const handler = statusHandlers[error.status]
    return (
      <div role="alert" className="space-y-3">
        <h1 className="text-2xl font-semibold">{error.status === 404 ? t('errors.notFound') : t('errors.status', { status: error.status })}</h1>
        {handler ? handler(error) : <p className="text-slate-600">{typeof error.data === 'string' ? translate(error.data) : error.statusText}</p>}
        <Link to="/" className="text-brand-700 underline">
          {t('errors.goToStart')}
        </Link>
      </div>
    )
  }
  if (typeof document !== 'undefined') console.error(error)
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">{t('errors.somethingWrong')}</h1>
      <p className="text-slate-600">{t('errors.tryAgain')}</p>
      <Link to="/" className="text-brand-700 underline">
        {t('errors.goToStart')}
      </Link>
    </div>
  )
}
