import { useDateTime } from '#app/components/use-date-time'
import { Card } from '#app/components/ui/card'
import { englishTranslator } from '#app/i18n/i18n'
import { useT } from '#app/i18n/provider'
import { describeAnswer, type AnswerPart } from '#app/leads/answers'
import { deviceIn } from '#app/leads/labels'
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

type Translate = ReturnType<typeof useT>

/** "under a minute", "12 min", "3 h 5 min", "2 days 4 h" (Swedish "under en minut", "2 dagar 4 tim"). */
export function formatDuration(ms: number, t: Translate = englishTranslator.t) {
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return t('leads.duration.underAMinute')
  if (minutes < 60) return t('leads.duration.minutes', { minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return t('leads.duration.hours', { hours, minutes: minutes % 60 })
  const days = Math.floor(hours / 24)
  return t('leads.duration.days', { days, hours: hours % 24 })
}

/**
 * An answer as text, options by their labels. React escapes it: what a visitor typed is never markup here. A value
 * the form no longer offers is shown as stored, marked in words (not by style alone).
 */
function AnswerText({ parts }: { parts: AnswerPart[] }) {
  const t = useT()
  return parts.map((part, i) => (
    <span key={i}>
      {i > 0 ? ', ' : null}
      {part.checked === undefined ? part.text : part.checked ? t('leads.detail.yes') : t('leads.detail.no')}
      {part.isStored ? <span className="text-slate-600"> ({t('leads.detail.storedValue')})</span> : null}
    </span>
  ))
}

export function ConversionList({ conversions }: { conversions: Conversion[] }) {
  const { dateTime } = useDateTime()
  const t = useT()
  return (
    <Card title={t('leads.detail.conversionsTitle')} description={t('leads.detail.conversionsDescription')}>
      <ol className="space-y-5">
        {conversions.map((c) => (
          <li key={c.id} data-testid="conversion" className="rounded-md p-4 ring-1 ring-slate-200">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              {c.formName ?? t('leads.detail.deletedForm')}
              <span className={`rounded px-1.5 py-0.5 text-xs ${c.conversionType === 'hard' ? 'bg-red-100 text-red-800' : 'bg-slate-100 text-slate-700'}`}>
                {t('leads.detail.conversionType', { type: c.conversionType })}
              </span>
              <span className="text-sm font-normal text-slate-500">{dateTime(c.createdAt)}</span>
            </p>
            <p className="mt-1 text-sm text-slate-600">
              {t('leads.detail.onPage', { page: c.pageName ?? t('leads.detail.aDeletedPage') })}
              {c.pageSlug ? <span className="font-mono text-xs"> /p/{c.pageSlug}</span> : null}, {t('leads.detail.variant', { variant: c.variantKey })} · {deviceIn(t, c.device)}
              {c.timeToConvertMs !== null ? ` · ${t('leads.detail.afterFirstVisit', { duration: formatDuration(c.timeToConvertMs, t) })}` : ''}
            </p>
            <p className="mt-1 text-sm text-slate-600">{t('leads.detail.thisVisit', { touch: describeTouch(t, c.touch) })}</p>
            {c.firstTouch ? <p className="text-sm text-slate-600">{t('leads.detail.firstVisit', { touch: describeTouch(t, c.firstTouch) })}</p> : null}
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
              <p className="mt-3 text-sm text-slate-500">{t('leads.detail.answersErased')}</p>
            )}
          </li>
        ))}
      </ol>
    </Card>
  )
}
