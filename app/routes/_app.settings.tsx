import type { MetaFunction } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { PageHeader } from '#app/components/ui/card'
import { titleFrom } from '#app/i18n/meta'
import { useT } from '#app/i18n/provider'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'settings.title') }]

const TABS = [
  { to: '/settings', label: 'settings.tabs.general', end: true },
  { to: '/settings/members', label: 'settings.tabs.members' },
  { to: '/settings/api-keys', label: 'settings.tabs.apiKeys' },
  { to: '/settings/lead-scoring', label: 'settings.tabs.leadScoring' },
  { to: '/settings/spend', label: 'settings.tabs.spend' },
  { to: '/settings/webhooks', label: 'settings.tabs.webhooks' },
  { to: '/settings/alerts', label: 'settings.tabs.alerts' },
  { to: '/settings/email', label: 'settings.tabs.email' },
  { to: '/settings/security', label: 'settings.tabs.security' },
]

export default function SettingsLayout() {
  const t = useT()
  return (
    <>
      <PageHeader title={t('settings.title')} />
      {/* The tabs wrap onto a second line on a phone: scrolled sideways, the last ones were out of sight. */}
      <nav aria-label={t('settings.title')} className="mb-6 flex flex-wrap gap-x-1 border-b border-slate-200">
        {TABS.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end={tab.end}
            className={({ isActive }) =>
              `-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${isActive ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`
            }
          >
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  )
}
