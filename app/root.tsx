// First: it configures zod before any route module builds a schema (see the file).
import '#app/components/zod-without-eval'
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useEffect } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useNonce } from '#app/components/nonce'
import { loadLanguage } from '#app/i18n/language.server'
import { LanguageProvider } from '#app/i18n/provider'
import stylesheet from '#app/tailwind.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

// The page's language and its catalogue come with the document, so the browser hydrates in the language the
// server rendered, with no second request and no flash of English (decision 075).
export async function loader({ request }: LoaderFunctionArgs) {
  return loadLanguage(request)
}

// The language changes only by a submission (picking one, logging in or out), never by a link: a navigation does
// not fetch the catalogue again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => formMethod !== undefined && formMethod.toUpperCase() !== 'GET' && defaultShouldRevalidate

export function Layout({ children }: { children: React.ReactNode }) {
  // Tests wait for this attribute before exercising client behaviour (docs/stack.md pitfall 10).
  useEffect(() => document.documentElement.setAttribute('data-hydrated', ''), [])
  // The response's CSP allows inline scripts only with this nonce (entry.server.tsx).
  const nonce = useNonce()
  const language = useRouteLoaderData<typeof loader>('root')
  return (
    <html lang={language?.language ?? 'en'} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
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
