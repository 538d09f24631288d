import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, NavLink, Outlet, useLoaderData, useLocation, useRouteLoaderData } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { languageChoice } from '#app/i18n/language.server'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '#app/i18n/languages'
import { useT } from '#app/i18n/provider'
import { listUserWorkspaces } from '#app/workspaces/workspace.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const workspaces = await listUserWorkspaces({ userId: member.user.id })
  return {
    user: { name: member.user.name, email: member.user.email },
    workspace: member.workspace,
    role: member.role,
    workspaces,
    language: languageChoice(request, member.user.locale),
  }
}

/** The member's role in the current workspace, for hiding controls they may not use (the server checks too). */
export function useMember() {
  const data = useRouteLoaderData<typeof loader>('routes/_app')
  if (!data) throw new Error('useMember must be used inside the app layout')
  return { ...data, canEdit: data.role !== 'viewer', isOwner: data.role === 'owner' }
}

const NAV = [
  { to: '/dashboard', label: 'nav.dashboard' },
  { to: '/pages', label: 'nav.pages' },
  { to: '/forms', label: 'nav.forms' },
  { to: '/experiments', label: 'nav.experiments' },
  { to: '/leads', label: 'nav.leads' },
  { to: '/settings', label: 'nav.settings' },
] as const

export default function AppLayout() {
  const { user, workspace, workspaces, role, language } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="min-h-full">
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <a href="/dashboard" className="flex items-center gap-2 font-semibold">
            <img src="/favicon.svg" alt="" className="h-7 w-7" /> Splitform
          </a>
          <MainNav />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <a href="/tools/ab-test" className="hidden text-slate-600 hover:text-slate-900 md:inline">
              {t('nav.calculators')}
            </a>
            {workspaces.length > 1 ? (
              <Form method="post" action="/workspaces/switch" className="flex items-center gap-1">
                <label htmlFor="workspace-switch" className="sr-only">
                  {t('nav.workspace')}
                </label>
                <select id="workspace-switch" name="workspaceId" defaultValue={workspace.id} className="rounded-md border-slate-300 py-1 text-sm ring-1 ring-slate-300">
                  {workspaces.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
                </select>
                <button className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100">{t('nav.switch')}</button>
              </Form>
            ) : (
              <span className="max-w-48 truncate font-medium text-slate-700" data-testid="workspace-name">
                {workspace.name}
              </span>
            )}
            <span className="hidden text-slate-500 sm:inline" title={user.email}>
              {t('nav.userAndRole', { name: user.name, role })}
            </span>
            <LanguagePicker chosen={language.chosen} browser={language.browser} />
            <Form method="post" action="/logout">
              <button className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100">{t('nav.logOut')}</button>
            </Form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">
        <Outlet />
      </main>
    </div>
  )
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium md:py-1.5 ${isActive ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`

/**
 * The sections, in a row from `md` up and behind a "Menu" button below it: on a phone the row scrolled sideways
 * and hid Leads and Settings. The menu is a <details>, so it opens without JavaScript and from the keyboard
 * (Enter or Space on its summary); with JavaScript its summary also says whether it is open (aria-expanded,
 * which Chromium already exposes for a summary but not every browser does), and it closes after a navigation.
 */
function MainNav() {
  const menu = useRef<HTMLDetailsElement>(null)
  const [isOpen, setOpen] = useState(false)
  const location = useLocation()
  const t = useT()
  useEffect(() => {
    if (menu.current) menu.current.open = false
  }, [location.pathname, location.search])
  const links = NAV.map((item) => (
    <li key={item.to}>
      <NavLink to={item.to} className={linkClass}>
        {t(item.label)}
      </NavLink>
    </li>
  ))
  return (
    <nav aria-label={t('nav.main')} className="ml-auto md:ml-0">
      <ul className="hidden gap-1 md:flex">{links}</ul>
      <details ref={menu} className="md:hidden" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary
          aria-expanded={isOpen}
          className="flex cursor-pointer list-none items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 [&::-webkit-details-marker]:hidden"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
            <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
          </svg>
          {t('nav.menu')}
        </summary>
        <ul className="absolute inset-x-0 top-full z-20 space-y-1 border-b border-slate-200 bg-white px-4 py-3 shadow-md">
          {links}
          <li>
            <a href="/tools/ab-test" className={linkClass({ isActive: false })}>
              {t('nav.calculators')}
            </a>
          </li>
        </ul>
      </details>
    </nav>
  )
}

/**
 * The user's language for the admin, or the browser's (the empty choice). A plain form, so it works without
 * JavaScript; it posts to /account/language, which comes back to this page.
 */
function LanguagePicker({ chosen, browser }: { chosen: string | null; browser: Language }) {
  const t = useT()
  const location = useLocation()
  return (
    <Form method="post" action="/account/language" className="flex items-center gap-1" data-testid="language-picker">
      <label htmlFor="language-picker" className="sr-only">
        {t('language.label')}
      </label>
      <select id="language-picker" name="locale" defaultValue={chosen ?? ''} className="max-w-36 rounded-md border-slate-300 py-1 text-sm ring-1 ring-slate-300">
        <option value="">{t('language.followBrowser', { language: LANGUAGE_NAMES[browser] })}</option>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100">{t('language.save')}</button>
    </Form>
  )
}

export function ErrorBoundary() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <GeneralErrorBoundary />
    </main>
  )
}
