import { Link, NavLink, Outlet } from '@remix-run/react'

// Public calculators: no login. Linked from the landing page and the app header.
export default function ToolsLayout() {
  const tab = ({ isActive }: { isActive: boolean }) => `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100'}`
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-4 px-4 py-3">
          <Link to="/" className="flex items-center gap-2 font-semibold">
            <img src="/favicon.svg" alt="" className="h-7 w-7" /> Splitform
          </Link>
          <nav aria-label="Calculators" className="flex gap-1">
            <NavLink to="/tools/ab-test" className={tab}>
              A/B test significance
            </NavLink>
            <NavLink to="/tools/sample-size" className={tab}>
              Sample size
            </NavLink>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">
        <Outlet />
      </main>
    </div>
  )
}
