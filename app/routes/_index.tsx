import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { getUser } from '#app/auth/session.server'
import { buttonClass } from '#app/components/ui/button'
import { metaTranslator } from '#app/i18n/meta'
import { useT } from '#app/i18n/provider'

// The public start page speaks the reader's language (the root loader's, from Accept-Language), as the auth pages do.
export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches)
  return [{ title: t('home.metaTitle') }, { name: 'description', content: t('home.metaDescription') }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/dashboard')
  return null
}

const POINTS = [
  { title: 'home.points.pagesTitle', text: 'home.points.pagesText' },
  { title: 'home.points.testsTitle', text: 'home.points.testsText' },
  { title: 'home.points.leadsTitle', text: 'home.points.leadsText' },
] as const

export default function IndexRoute() {
  const t = useT()
  return (
    <main className="mx-auto max-w-4xl px-6 py-16">
      <div className="flex items-center gap-2 text-lg font-semibold">
        <img src="/favicon.svg" alt="" className="h-8 w-8" /> Splitform
      </div>
      <h1 className="mt-12 text-4xl font-bold tracking-tight sm:text-5xl">{t('home.title')}</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-600">{t('home.intro')}</p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link to="/signup" className={buttonClass('primary', 'px-5 py-2.5 text-base')}>
          {t('home.createWorkspace')}
        </Link>
        <Link to="/login" className={buttonClass('secondary', 'px-5 py-2.5 text-base')}>
          {t('home.logIn')}
        </Link>
        <Link to="/tools/ab-test" className={buttonClass('ghost', 'px-5 py-2.5 text-base')}>
          {t('home.calculator')}
        </Link>
      </div>
      <ul className="mt-16 grid gap-6 sm:grid-cols-3">
        {POINTS.map((point) => (
          <li key={point.title} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="font-semibold">{t(point.title)}</h2>
            <p className="mt-2 text-sm text-slate-600">{t(point.text)}</p>
          </li>
        ))}
      </ul>
    </main>
  )
}
