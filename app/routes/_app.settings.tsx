import type { MetaFunction } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { PageHeader } from '#app/components/ui/card'

export const meta: MetaFunction = () => [{ title: 'Settings · Splitform' }]

const TABS = [
  { to: '/settings', label: 'General', end: true },
  { to: '/settings/members', label: 'Members' },
  { to: '/settings/api-keys', label: 'API keys' },
  { to: '/settings/lead-scoring', label: 'Lead scoring' },
  { to: '/settings/spend', label: 'Spend' },
  { to: '/settings/webhooks', label: 'Webhooks' },
  { to: '/settings/alerts', label: 'Alerts' },
  { to: '/settings/email', label: 'Email log' },
  { to: '/settings/security', label: 'Security' },
]

export default function SettingsLayout() {
  return (
    <>
      <PageHeader title="Settings" />
      {/* The tabs wrap onto a second line on a phone: scrolled sideways, the last ones were out of sight. */}
      <nav aria-label="Settings" className="mb-6 flex flex-wrap gap-x-1 border-b border-slate-200">
        {TABS.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end={tab.end}
            className={({ isActive }) =>
              `-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${isActive ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`
            }
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  )
}
