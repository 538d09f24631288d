import { useEffect, useState } from 'react'
import { guessCalendar } from '#app/workspaces/locale'

/**
 * Hidden fields that send the browser's time zone and language with a form that creates a workspace, and a line
 * saying what they will set (guessCalendar). Filled in after hydration: without JavaScript nothing is sent and the
 * workspace starts on UTC.
 */
export function BrowserCalendarFields() {
  const [browser, setBrowser] = useState<{ timeZone: string; locale: string } | null>(null)
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's zone exists only after hydration
  useEffect(() => setBrowser({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: navigator.language }), [])
  if (!browser) return null
  const calendar = guessCalendar(browser)
  return (
    <>
      <input type="hidden" name="timeZone" value={browser.timeZone} />
      <input type="hidden" name="locale" value={browser.locale} />
      <p className="text-sm text-slate-600" data-testid="browser-calendar">
        Days will be counted in {calendar.timezone} and amounts shown in {calendar.currency}: you can change both in Settings.
      </p>
    </>
  )
}
