// First: it configures zod before any route module builds a schema (see the file).
import '#app/components/zod-without-eval'
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData, type ClientLoaderFunctionArgs, type ShouldRevalidateFunction } from '@remix-run/react'
import { useEffect } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useNonce } from '#app/components/nonce'
import { catalogueUrl, loadCatalogue } from '#app/i18n/catalogue-assets'
import { loadLanguage } from '#app/i18n/language.server'
import { LanguageProvider } from '#app/i18n/provider'
import stylesheet from '#app/tailwind.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

// The page's language comes with the document; its catalogue is a cached asset the document preloads (Layout) and
// the browser has in hand before it hydrates (entry.client.tsx), so it hydrates in the language the server rendered,
// with no flash of English, and a repeat document does not carry the catalogue again (decisions 075, 094).
export async function loader({ request }: LoaderFunctionArgs) {
  return loadLanguage(request)
}

// A submission that changes the language (picking one, logging in or out) renders in it once its catalogue is here.
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>()
  await loadCatalogue(data.language)
  return data
}

// The language changes only by a submission (picking one, logging in or out), never by a link: a navigation does
// not ask for it again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => formMethod !== undefined && formMethod.toUpperCase() !== 'GET' && defaultShouldRevalidate

export function Layout({ children }: { children: React.ReactNode }) {
  // Tests wait for this attribute before exercising client behaviour (docs/stack.md pitfall 10).
  useEffect(() => document.documentElement.setAttribute('data-hydrated', ''), [])
  // The response's CSP allows inline scripts only with this nonce (entry.server.tsx).
  const nonce = useNonce()
  const language = useRouteLoaderData<typeof loader>('root')
  const catalogue = catalogueUrl(language?.language ?? 'en')
  return (
    <html lang={language?.language ?? 'en'} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* First in the head, so it downloads beside the scripts; crossOrigin makes it the request fetch() then makes. */}
        {catalogue ? <link rel="preload" href={catalogue} as="fetch" crossOrigin="anonymous" /> : null}
        <Meta />
        <Links />
      </head>
      <body className="h-full">
        <LanguageProvider data={language}>{children}</LanguageProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <GeneralErrorBoundary />
    </main>
  )
}
