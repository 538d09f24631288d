import { formatCount, formatMoney } from '#app/components/format'
import { useDateTime } from '#app/components/use-date-time'
import { Card } from '#app/components/ui/card'
import { useLanguage, useT } from '#app/i18n/provider'
import { channelIn, deviceIn, STAGE_KEYS } from '#app/leads/labels'
import type { LeadStage, TouchJson } from '#db/schema'

type Translate = ReturnType<typeof useT>

/** Where a visit came from, as one line: "Paid search · google / cpc · spring-sale · from news.example/post". */
export function describeTouch(t: Translate, touch: TouchJson | null) {
  if (!touch) return '–'
  const utm = [touch.utmSource, touch.utmMedium].filter(Boolean).join(' / ')
  return [
    channelIn(t, touch.channel),
    utm,
    touch.utmCampaign,
    touch.referrer ? t('leads.detail.touchFrom', { referrer: touch.referrer }) : null,
    t('leads.detail.touchLanded', { path: touch.landingPath }),
  ]
    .filter(Boolean)
    .join(' · ')
}

type Lead = {
  email: string | null
  name: string | null
  company: string | null
  phone: string | null
  stage: LeadStage
  dealValue: number | null
  score: number
  hardConversions: number
  softConversions: number
  pagesViewed: number
  source: string
  firstTouch: TouchJson | null
  heardAbout: string | null
  heardAboutLabel: string | null
  heardAboutOther: string | null
  device: string | null
  firstSeenAt: Date | string
  lastConversionAt: Date | string
  createdAt: Date | string
}

export function LeadSummary({ lead, currency }: { lead: Lead; currency: string }) {
  const { dateTime } = useDateTime()
  const t = useT()
  const language = useLanguage()
  const rows: [string, React.ReactNode][] = [
    [
      t('leads.table.email'),
      lead.email ? (
        <a href={`mailto:${lead.email}`} className="text-brand-700 hover:underline">
          {lead.email}
        </a>
      ) : (
        '–'
      ),
    ],
    [t('leads.detail.name'), lead.name ?? '–'],
    [t('leads.detail.company'), lead.company ?? '–'],
    [
      t('leads.detail.phone'),
      lead.phone ? (
        <a href={`tel:${lead.phone}`} className="text-brand-700 hover:underline">
          {lead.phone}
        </a>
      ) : (
        '–'
      ),
    ],
    [t('leads.filters.stage'), t(STAGE_KEYS[lead.stage])],
    [t('leads.detail.dealValue'), formatMoney(lead.dealValue, currency)],
    [
      t('leads.sorts.score'),
      t('leads.detail.scoreLine', {
        score: formatCount(lead.score, 0, language),
        hard: lead.hardConversions,
        soft: lead.softConversions,
        views: lead.pagesViewed,
      }),
    ],
    [t('leads.filters.source'), lead.firstTouch ? describeTouch(t, lead.firstTouch) : channelIn(t, lead.source)],
    [t('leads.detail.heardAbout'), [lead.heardAboutLabel, lead.heardAboutOther].filter(Boolean).join(': ') || '–'],
    [t('leads.detail.device'), lead.device ? deviceIn(t, lead.device) : '–'],
    [t('leads.table.firstSeen'), dateTime(lead.firstSeenAt)],
    [t('leads.detail.becameLead'), dateTime(lead.createdAt)],
    [t('leads.sorts.lastConversion'), dateTime(lead.lastConversionAt)],
  ]
  return (
    <Card title={t('leads.detail.leadCard')}>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-500">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}

type View = { id: number; viewedAt: Date | string; pageName: string | null; path: string; variantKey: string; channel: string }

export function Journey({ journey, isErased }: { journey: View[]; isErased: boolean }) {
  const { dateTime } = useDateTime()
  const t = useT()
  return (
    <Card title={t('leads.detail.journeyTitle')} description={t('leads.detail.journeyDescription')}>
      {journey.length === 0 ? (
        <p className="text-sm text-slate-600">{isErased ? t('leads.detail.journeyErased') : t('leads.detail.journeyEmpty')}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {journey.map((view) => (
            <li key={view.id} className="flex flex-wrap gap-x-3">
              <span className="whitespace-nowrap text-slate-500">{dateTime(view.viewedAt)}</span>
              <span className="font-medium">{view.pageName ?? t('leads.detail.deletedPage')}</span>
              <span className="font-mono text-xs leading-5 text-slate-500">{view.path}</span>
              <span className="text-slate-500">
                {t('leads.detail.variant', { variant: view.variantKey })} · {channelIn(t, view.channel)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
