import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { getUser } from '#app/auth/session.server'
import { buttonClass } from '#app/components/ui/button'

export const meta: MetaFunction = () => [
  { title: 'Splitform · landing pages, forms and A/B tests that turn visitors into leads' },
  { name: 'description', content: 'Build landing pages and forms, split visitors across variants, and see which one brings more and better leads.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/dashboard')
  return null
}

const POINTS = [
  ['Pages and forms', 'Build landing pages in a visual editor, with soft conversion forms (newsletter, download, webinar) and hard ones (demo, meeting, quote).'],
  ['Honest A/B tests', 'The server splits visitors across variants: deterministic, sticky and invisible. Results stay valid however often you look.'],
  ['Better leads, not only more', 'Every conversion becomes a lead. See which variant brings leads that reach SQL and customer, and what each source is worth.'],
]

export default function IndexRoute() {
  return (
    <main className="mx-auto max-w-4xl px-6 py-16">
      <div className="flex items-center gap-2 text-lg font-semibold">
        <img src="/favicon.svg" alt="" className="h-8 w-8" /> Splitform
      </div>
      <h1 className="mt-12 text-4xl font-bold tracking-tight sm:text-5xl">Landing pages that prove which version wins.</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-600">For marketers and growth teams: build pages and forms, test variants, and follow every lead from first visit to customer.</p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link to="/signup" className={buttonClass('primary', 'px-5 py-2.5 text-base')}>
          Create a workspace
        </Link>
        <Link to="/login" className={buttonClass('secondary', 'px-5 py-2.5 text-base')}>
          Log in
        </Link>
        <Link to="/tools/ab-test" className={buttonClass('ghost', 'px-5 py-2.5 text-base')}>
          Free A/B test calculator
        </Link>
      </div>
      <ul className="mt-16 grid gap-6 sm:grid-cols-3">
        {POINTS.map(([title, text]) => (
          <li key={title} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-2 text-sm text-slate-600">{text}</p>
          </li>
        ))}
      </ul>
    </main>
  )
}
