import { CHANNEL_LABELS, type Channel } from '#app/attribution/channel'
import { formatDateTime, formatMoney } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { STAGE_LABELS } from '#app/leads/stages'
import type { LeadStage, TouchJson } from '#db/schema'

export const channelLabel = (channel: string) => CHANNEL_LABELS[channel as Channel] ?? channel

/** Where a visit came from, as one line: "Paid search · google / cpc · spring-sale · from news.example/post". */
export function describeTouch(touch: TouchJson | null) {
  if (!touch) return '–'
  const utm = [touch.utmSource, touch.utmMedium].filter(Boolean).join(' / ')
  return [channelLabel(touch.channel), utm, touch.utmCampaign, touch.referrer ? `from ${touch.referrer}` : null, `landed on ${touch.landingPath}`].filter(Boolean).join(' · ')
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
  const rows: [string, React.ReactNode][] = [
    [
      'Email',
      lead.email ? (
        <a href={`mailto:${lead.email}`} className="text-brand-700 hover:underline">
          {lead.email}
        </a>
      ) : (
        '–'
      ),
    ],
    ['Name', lead.name ?? '–'],
    ['Company', lead.company ?? '–'],
    [
      'Phone',
      lead.phone ? (
        <a href={`tel:${lead.phone}`} className="text-brand-700 hover:underline">
          {lead.phone}
        </a>
      ) : (
        '–'
      ),
    ],
    ['Stage', STAGE_LABELS[lead.stage]],
    ['Deal value', formatMoney(lead.dealValue, currency)],
    ['Score', `${lead.score} (${lead.hardConversions} hard, ${lead.softConversions} soft conversions, ${lead.pagesViewed} page views)`],
    ['Source (first touch)', describeTouch(lead.firstTouch) === '–' ? channelLabel(lead.source) : describeTouch(lead.firstTouch)],
    ['Heard about us', [lead.heardAboutLabel, lead.heardAboutOther].filter(Boolean).join(': ') || '–'],
    ['Device', lead.device ?? '–'],
    ['First seen', formatDateTime(lead.firstSeenAt)],
    ['Became a lead', formatDateTime(lead.createdAt)],
    ['Last conversion', formatDateTime(lead.lastConversionAt)],
  ]
  return (
    <Card title="Lead">
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
  return (
    <Card title="Pages seen before converting" description="This visitor's page views up to their latest conversion, oldest first.">
      {journey.length === 0 ? (
        <p className="text-sm text-slate-600">{isErased ? 'Not shown for an erased lead.' : 'No page views recorded for this visitor.'}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {journey.map((view) => (
            <li key={view.id} className="flex flex-wrap gap-x-3">
              <span className="whitespace-nowrap text-slate-500">{formatDateTime(view.viewedAt)}</span>
              <span className="font-medium">{view.pageName ?? 'Deleted page'}</span>
              <span className="font-mono text-xs leading-5 text-slate-500">{view.path}</span>
              <span className="text-slate-500">
                variant {view.variantKey} · {channelLabel(view.channel)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
