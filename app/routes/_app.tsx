import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, NavLink, Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { listUserWorkspaces } from '#app/workspaces/workspace.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const workspaces = await listUserWorkspaces({ userId: member.user.id })
  return { user: { name: member.user.name, email: member.user.email }, workspace: member.workspace, role: member.role, workspaces }
}

/** The member's role in the current workspace, for hiding controls they may not use (the server checks too). */
export function useMember() {
  const data = useRouteLoaderData<typeof loader>('routes/_app')
  if (!data) throw new Error('useMember must be used inside the app layout')
  return { ...data, canEdit: data.role !== 'viewer', isOwner: data.role === 'owner' }
}

const NAV = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/pages', label: 'Pages' },
  { to: '/forms', label: 'Forms' },
  { to: '/experiments', label: 'Experiments' },
  { to: '/leads', label: 'Leads' },
  { to: '/settings', label: 'Settings' },
]

export default function AppLayout() {
  const { user, workspace, workspaces, role } = useLoaderData<typeof loader>()
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <a href="/dashboard" className="flex items-center gap-2 font-semibold">
            <img src="/favicon.svg" alt="" className="h-7 w-7" /> Splitform
          </a>
          <nav aria-label="Main" className="order-last -mx-1 flex w-full gap-1 overflow-x-auto md:order-none md:w-auto">
            {NAV.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                className={({ isActive }) => `whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100'}`}
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <a href="/tools/ab-test" className="text-slate-600 hover:text-slate-900">
              Calculators
            </a>
            {workspaces.length > 1 ? (
              <Form method="post" action="/workspaces/switch" className="flex items-center gap-1">
                <label htmlFor="workspace-switch" className="sr-only">
                  Workspace
                </label>
                <select id="workspace-switch" name="workspaceId" defaultValue={workspace.id} className="rounded-md border-slate-300 py-1 text-sm ring-1 ring-slate-300">
                  {workspaces.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
                </select>
                <button className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100">Switch</button>
              </Form>
            ) : (
              <span className="font-medium text-slate-700" data-testid="workspace-name">
                {workspace.name}
              </span>
            )}
            <span className="hidden text-slate-500 sm:inline" title={user.email}>
              {user.name} · {role}
            </span>
            <Form method="post" action="/logout">
              <button className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100">Log out</button>
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

export function ErrorBoundary() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <GeneralErrorBoundary />
    </main>
  )
}
