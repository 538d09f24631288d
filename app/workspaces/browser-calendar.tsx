import { useEffect, useState } from 'react'
import { useT } from '#app/i18n/provider'
import { guessCalendar } from '#app/workspaces/locale'

/**
 * Hidden fields that send the browser's time zone and language with a form that creates a workspace, and a line
 * saying what they will set (guessCalendar). Filled in after hydration: without JavaScript nothing is sent and the
 * workspace starts on UTC.
 */
export function BrowserCalendarFields() {
  const [browser, setBrowser] = useState<{ timeZone: string; locale: string } | null>(null)
  const t = useT()
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's zone exists only after hydration
  useEffect(() => setBrowser({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: navigator.language }), [])
  if (!browser) return null
  const calendar = guessCalendar(browser)
  return (
    <>
      <input type="hidden" name="timeZone" value={browser.timeZone} />
      <input type="hidden" name="locale" value={browser.locale} />
      <p className="text-sm text-slate-600" data-testid="browser-calendar">
        {t('workspaceNew.calendar', { timeZone: calendar.timezone, currency: calendar.currency })}
      </p>
    </>
  )
}
