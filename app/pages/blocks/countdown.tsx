import { z } from 'zod'
import { DynamicText, dynamicTextFallback } from '#app/pages/dynamic-text'
import { defineBlock, PlainText } from '#app/pages/blocks/block'
import css from './countdown.css?raw'

// Seconds optional; a zone (Z or ±hh:mm) required, so the deadline is the same for every visitor and server.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

export const CountdownPropsSchema = z.object({
  target: z
    .string({ error: 'expected a date-time (text)' })
    .refine((value) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)), 'expected a date-time with time zone, e.g. 2026-03-01T09:00:00Z'),
  label: PlainText(200),
  expiredText: PlainText(200),
})
export type CountdownProps = z.infer<typeof CountdownPropsSchema>

/** "3d 04h 12m 09s", the format public/page-assets/countdown.js ticks in. */
export function formatRemaining(milliseconds: number) {
  const seconds = Math.floor(Math.max(0, milliseconds) / 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${Math.floor(seconds / 86400)}d ${pad(Math.floor((seconds % 86400) / 3600))}h ${pad(Math.floor((seconds % 3600) / 60))}m ${pad(seconds % 60)}s`
}

// The server renders the time left at render time, so the page is right without JavaScript; the page's
// countdown script (loaded only when a countdown is present) finds data-countdown-target and ticks it.
function Countdown({ target, label, expiredText }: CountdownProps) {
  const deadline = Date.parse(target)
  // eslint-disable-next-line react-hooks/purity -- the time left when the page is rendered is what it shows; the script ticks on
  const remaining = deadline - Date.now()
  return (
    <div className="sf-block sf-countdown" data-countdown-target={new Date(deadline).toISOString()} data-countdown-expired={dynamicTextFallback(expiredText) || undefined}>
      <div className="sf-wrap">
        {label.trim() ? (
          <p className="sf-countdown__label">
            <DynamicText value={label} />
          </p>
        ) : null}
        <p className="sf-countdown__time" role="timer" data-countdown-remaining="">
          {remaining > 0 || !expiredText.trim() ? formatRemaining(remaining) : <DynamicText value={expiredText} />}
        </p>
      </div>
    </div>
  )
}

export const CountdownBlock = defineBlock<CountdownProps>({
  type: 'Countdown',
  label: 'Countdown',
  category: 'conversion',
  fields: {
    target: { type: 'text', label: 'Ends at (e.g. 2026-03-01T09:00:00Z or …T10:00:00+01:00)' },
    label: { type: 'text', label: 'Label' },
    expiredText: { type: 'text', label: 'Text once it has ended' },
  },
  defaultProps: { target: '2030-01-01T09:00:00Z', label: 'Offer ends in', expiredText: 'This offer has ended.' },
  propsSchema: CountdownPropsSchema,
  render: Countdown,
  css,
})
