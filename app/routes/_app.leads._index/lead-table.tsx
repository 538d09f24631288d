import { Link } from '@remix-run/react'
import { formatCount } from '#app/components/format'
import { useDateTime } from '#app/components/use-date-time'
import { useLanguage, useT } from '#app/i18n/provider'
import { isUnconfirmed, NewLeadBadge, TemperatureBadge, UnconfirmedBadge } from '#app/leads/badges'
import type { LeadSort } from '#app/leads/schema'
import { channelIn, STAGE_KEYS } from '#app/leads/labels'
import type { LeadStage } from '#db/schema'
import { linkWith } from './query-link'

type Row = {
  id: string
  email: string | null
  name: string | null
  company: string | null
  temperature: 'hot' | 'cold'
  openedAt: Date | string | null
  confirmationRequestedAt: Date | string | null
  confirmedAt: Date | string | null
  stage: LeadStage
  source: string
  score: number
  firstSeenAt: Date | string
  lastConversionAt: Date | string
}

// Declared outside LeadTable: a component made during render is a new type each time, so React would remount it.
function SortHeader({ by, sort, search, children }: { by: LeadSort; sort: LeadSort; search: string; children: string }) {
  return (
    <th className="py-2 pr-4 font-medium" aria-sort={sort === by ? 'descending' : undefined}>
      <Link to={linkWith(search, { sort: by })} className={sort === by ? 'text-slate-900 underline' : 'hover:text-slate-900'}>
        {children}
        {sort === by ? <span aria-hidden> ↓</span> : null}
      </Link>
    </th>
  )
}

/**
 * The inbox: a table from 768 px, where every column fits (name and company share one, dates may wrap), and a list
 * of cards on phones, where nine columns cannot, so the page never scrolls sideways.
 */
export function LeadTable({ leads, sort, search }: { leads: Row[]; sort: LeadSort; search: string }) {
  return (
    <>
      <LeadCards leads={leads} />
      <div className="hidden overflow-x-auto md:block">
        <LeadRows leads={leads} sort={sort} search={search} />
      </div>
    </>
  )
}

function LeadCards({ leads }: { leads: Row[] }) {
  const { dateTime } = useDateTime()
  const t = useT()
  return (
    <ul className="divide-y divide-slate-100 md:hidden" aria-label={t('leads.inbox.title')}>
      {leads.map((lead) => {
        const isNew = lead.temperature === 'hot' && !lead.openedAt
        return (
          <li key={lead.id} data-testid="lead-card" className={`border-l-4 py-3 pl-2 ${isNew ? 'border-amber-500 bg-amber-50' : 'border-transparent'}`}>
            <p className="min-w-0 break-words">
              <Link to={`/leads/${lead.id}`} className="font-medium text-brand-700 hover:underline">
                {lead.email ?? t('leads.table.noEmail')}
              </Link>
              {isNew ? <NewLeadBadge /> : null}
            </p>
            <p className="break-words text-sm text-slate-700">{[lead.name, lead.company].filter(Boolean).join(' · ') || '–'}</p>
            <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
              <TemperatureBadge temperature={lead.temperature} />
              {isUnconfirmed(lead) ? <UnconfirmedBadge /> : null}
              <span>{t(STAGE_KEYS[lead.stage])}</span>
              <span>{t('leads.table.lastConversionAt', { when: dateTime(lead.lastConversionAt) })}</span>
            </p>
          </li>
        )
      })}
    </ul>
  )
}

function LeadRows({ leads, sort, search }: { leads: Row[]; sort: LeadSort; search: string }) {
  const { dateTime } = useDateTime()
  const t = useT()
  const language = useLanguage()
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-slate-500">
        <tr>
          <th className="py-2 pr-4 font-medium">{t('leads.table.email')}</th>
          <th className="py-2 pr-4 font-medium">{t('leads.table.nameCompany')}</th>
          <th className="py-2 pr-4 font-medium">{t('leads.filters.temperature')}</th>
          <th className="py-2 pr-4 font-medium">{t('leads.filters.stage')}</th>
          <th className="py-2 pr-4 font-medium">{t('leads.table.source')}</th>
          <SortHeader by="score" sort={sort} search={search}>
            {t('leads.sorts.score')}
          </SortHeader>
          <th className="py-2 pr-4 font-medium">{t('leads.table.firstSeen')}</th>
          <SortHeader by="last_conversion" sort={sort} search={search}>
            {t('leads.sorts.lastConversion')}
          </SortHeader>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {leads.map((lead) => {
          // A hot lead nobody opened yet: sales should call it now. Marked by a word and a bar, not colour alone.
          const isNew = lead.temperature === 'hot' && !lead.openedAt
          return (
            <tr key={lead.id} data-testid="lead-row" className={isNew ? 'bg-amber-50' : undefined}>
              <td className={`py-2 pl-2 pr-4 ${isNew ? 'border-l-4 border-amber-500' : 'border-l-4 border-transparent'}`}>
                <Link to={`/leads/${lead.id}`} className="font-medium text-brand-700 hover:underline">
                  {lead.email ?? t('leads.table.noEmail')}
                </Link>
                {isNew ? <NewLeadBadge /> : null}
              </td>
              <td className="py-2 pr-4">
                {lead.name ?? '–'}
                {lead.company ? <span className="block text-slate-600">{lead.company}</span> : null}
              </td>
              <td className="py-2 pr-4">
                <TemperatureBadge temperature={lead.temperature} />
                {isUnconfirmed(lead) ? <UnconfirmedBadge /> : null}
              </td>
              <td className="py-2 pr-4">{t(STAGE_KEYS[lead.stage])}</td>
              <td className="py-2 pr-4">{channelIn(t, lead.source)}</td>
              <td className="py-2 pr-4 tabular-nums">{formatCount(lead.score, 0, language)}</td>
              <td className="py-2 pr-4">{dateTime(lead.firstSeenAt)}</td>
              <td className="py-2 pr-2">{dateTime(lead.lastConversionAt)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
