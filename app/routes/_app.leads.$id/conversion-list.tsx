import { formatDateTime } from '#app/components/format'
import { describeAnswer, type AnswerPart } from '#app/leads/answers'
import { Card } from '#app/components/ui/card'
import type { AnswersJson, TouchJson } from '#db/schema'
import { describeTouch } from './summary'

type Conversion = {
  id: string
  createdAt: Date | string
  conversionType: 'soft' | 'hard'
  formName: string | null
  pageName: string | null
  pageSlug: string | null
  variantKey: string
  answers: AnswersJson | null
  fieldLabels: Record<string, string>
  optionLabels: Record<string, Record<string, string>>
  touch: TouchJson
  firstTouch: TouchJson | null
  device: string
  timeToConvertMs: number | null
}

/** "under a minute", "12 min", "3 h 5 min", "2 days 4 h". */
export function formatDuration(ms: number) {
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return 'under a minute'
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`
  const days = Math.floor(hours / 24)
  return `${days} ${days === 1 ? 'day' : 'days'}${hours % 24 ? ` ${hours % 24} h` : ''}`
}

/**
 * An answer as text, options by their labels. React escapes it: what a visitor typed is never markup here. A value
 * the form no longer offers is shown as stored, marked in words (not by style alone).
 */
function AnswerText({ parts }: { parts: AnswerPart[] }) {
  return parts.map((part, i) => (
    <span key={i}>
      {i > 0 ? ', ' : null}
      {part.text}
      {part.isStored ? <span className="text-slate-600"> (stored value, no longer an option)</span> : null}
    </span>
  ))
}

export function ConversionList({ conversions }: { conversions: Conversion[] }) {
  return (
    <Card title="Conversions" description="Newest first. Hard conversions (demo, quote, call) made this lead hot.">
      <ol className="space-y-5">
        {conversions.map((c) => (
          <li key={c.id} data-testid="conversion" className="rounded-md p-4 ring-1 ring-slate-200">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              {c.formName ?? 'Deleted form'}
              <span className={`rounded px-1.5 py-0.5 text-xs ${c.conversionType === 'hard' ? 'bg-red-100 text-red-800' : 'bg-slate-100 text-slate-700'}`}>
                {c.conversionType === 'hard' ? 'hard conversion' : 'soft conversion'}
              </span>
              <span className="text-sm font-normal text-slate-500">{formatDateTime(c.createdAt)}</span>
            </p>
            <p className="mt-1 text-sm text-slate-600">
              On {c.pageName ?? 'a deleted page'}
              {c.pageSlug ? <span className="font-mono text-xs"> /p/{c.pageSlug}</span> : null}, variant {c.variantKey} · {c.device}
              {c.timeToConvertMs !== null ? ` · ${formatDuration(c.timeToConvertMs)} after the first visit` : ''}
            </p>
            <p className="mt-1 text-sm text-slate-600">This visit: {describeTouch(c.touch)}</p>
            {c.firstTouch ? <p className="text-sm text-slate-600">First visit: {describeTouch(c.firstTouch)}</p> : null}
            {c.answers ? (
              <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                {Object.entries(c.answers).map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="font-medium text-slate-500">{c.fieldLabels[key] ?? key}</dt>
                    <dd className="whitespace-pre-wrap break-words">
                      <AnswerText parts={describeAnswer(value, c.optionLabels[key])} />
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="mt-3 text-sm text-slate-500">Answers erased.</p>
            )}
          </li>
        ))}
      </ol>
    </Card>
  )
}
