// First: it configures zod before any route module builds a schema (see the file).
import '#app/components/zod-without-eval'
import type { LinksFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from '@remix-run/react'
import { useEffect } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useNonce } from '#app/components/nonce'
import stylesheet from '#app/tailwind.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export function Layout({ children }: { children: React.ReactNode }) {
  // Tests wait for this attribute before exercising client behaviour (docs/stack.md pitfall 10).
  useEffect(() => document.documentElement.setAttribute('data-hydrated', ''), [])
  // The response's CSP allows inline scripts only with this nonce (entry.server.tsx).
  const nonce = useNonce()
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="h-full">
        {children}
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
