import { useRouteLoaderData } from '@remix-run/react'
import { formatDateTime, formatDay } from '#app/components/format'
import { useLanguage, useT } from '#app/i18n/provider'
import { UTC } from '#app/time/days'

/**
 * The admin's dates: formatDateTime and formatDay bound to the reader's language and the workspace's time zone
 * (workspaces.timezone, from the app layout's loader; UTC outside it). A lead that came in at 23:30 UTC shows the
 * next day in a Stockholm workspace, as its dashboard and date filters count it.
 */
export function useDateTime() {
  const language = useLanguage()
  const t = useT()
  const timeZone = useWorkspaceTimeZone()
  return {
    timeZone,
    dateTime: (value: Date | string | null | undefined, empty = t('common.never')) => formatDateTime(value, empty, language, timeZone),
    day: (value: Date | string | null | undefined, empty = '–') => formatDay(value, empty, timeZone),
  }
}

/** The app layout's workspace's zone; UTC for a component rendered alone, outside a data router (its unit tests). */
function useWorkspaceTimeZone() {
  // useRouteLoaderData reads one context and throws when there is no router, whichever way: the hooks called stay
  // the same from render to render, so catching is safe.
  try {
    return useRouteLoaderData<{ workspace?: { timezone?: string } }>('routes/_app')?.workspace?.timezone ?? UTC
  } catch {
    return UTC
  }
}
