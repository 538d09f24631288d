import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useRouteLoaderData } from '@remix-run/react'
import { renderToStaticMarkup } from 'react-dom/server'
// react-router-dom is what @remix-run/react renders with; its static router runs the real loaders on a real
// request and renders the route components to HTML, as Remix's own server render does (minus the document).
import type { RouteObject } from 'react-router-dom'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { LanguageProvider, type LanguageData } from '#app/i18n/provider'
import AppLayout, { loader as appLoader } from '#app/routes/_app'
import { ErrorBoundary as RootErrorBoundary, loader as rootLoader } from '#app/root'
import { buildRequest } from '#tests/factories/accounts'

type RouteModule = {
  default: React.ComponentType
  loader?: (args: LoaderFunctionArgs) => unknown
  action?: (args: ActionFunctionArgs) => unknown
  ErrorBoundary?: React.ComponentType
}

/** The root's language around its outlet or its error, as root.tsx's Layout gives it to the document. */
function RootLanguage({ children = <Outlet /> }: { children?: React.ReactNode }) {
  return <LanguageProvider data={useRouteLoaderData('root') as LanguageData | undefined}>{children}</LanguageProvider>
}

/**
 * Renders `path` for the member with `cookie`: the root's loader (the request's language), the app layout's loader
 * (so useMember() sees their role; with `layout: 'shown'` its header too, 'none' for the pages outside it, such as
 * login) and `module`'s loader under it, with their real requireMember checks. Returns the status and the HTML of
 * the route's component (or of its ErrorBoundary when the loader threw). With `form`, the request is that form's POST:
 * `module`'s action runs first and the component renders its answer (useActionData), as after a submit without JS.
 */
export async function renderRoute({
  id,
  path,
  pattern,
  module,
  cookie,
  headers,
  layout = 'data',
  form,
}: {
  id: string
  path: string
  pattern: string
  module: RouteModule
  cookie?: string
  headers?: Record<string, string>
  layout?: 'data' | 'shown' | 'none'
  form?: Record<string, string>
}) {
  const context = { clientIp: '203.0.113.7' }
  const leaf: RouteObject = {
    id,
    path: pattern,
    loader: module.loader ? async (args) => (await module.loader!({ ...(args as LoaderFunctionArgs), context })) as object : undefined,
    action: module.action ? async (args) => (await module.action!({ ...(args as ActionFunctionArgs), context })) as object : undefined,
    Component: module.default,
    ErrorBoundary: module.ErrorBoundary,
  }
  const app: RouteObject = {
    id: 'routes/_app',
    loader: (args) => appLoader({ ...(args as LoaderFunctionArgs), context }),
    element: layout === 'shown' ? <AppLayout /> : <Outlet />,
    children: [leaf],
  }
  const routes: RouteObject[] = [
    {
      id: 'root',
      path: '/',
      loader: (args) => rootLoader({ ...(args as LoaderFunctionArgs), context }),
      element: <RootLanguage />,
      errorElement: (
        <RootLanguage>
          <RootErrorBoundary />
        </RootLanguage>
      ),
      children: [layout === 'none' ? leaf : app],
    },
  ]
  const handler = createStaticHandler(routes)
  const result = await handler.query(buildRequest(path, { cookie, headers, ...(form ? { form } : {}) }))
  if (result instanceof Response) return { status: result.status, html: '', location: result.headers.get('Location') }
  const router = createStaticRouter(handler.dataRoutes, result)
  const html = renderToStaticMarkup(<StaticRouterProvider router={router} context={result} hydrate={false} />)
  return { status: result.statusCode, html, location: null }
}

/** Text of an HTML fragment as a person reads it: tags dropped, entities decoded, whitespace collapsed. */
export function textOf(html: string) {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The element that opens with a tag carrying `marker` (e.g. `data-testid="decision"`), up to its closing tag. */
export function elementWith(html: string, marker: string) {
  const at = html.indexOf(marker)
  if (at < 0) return null
  const start = html.lastIndexOf('<', at)
  const tag = /^<([a-z0-9]+)/i.exec(html.slice(start))![1]!
  // Walk nested tags of the same name to find the matching close.
  const pattern = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'gi')
  pattern.lastIndex = start + 1
  let depth = 1
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1
    if (depth === 0) return html.slice(start, m.index + m[0].length)
  }
  return null
}

/** Every element carrying `marker`, in order. */
export function elementsWith(html: string, marker: string) {
  const found: string[] = []
  let rest = html
  for (let el = elementWith(rest, marker); el; el = elementWith(rest, marker)) {
    found.push(el)
    rest = rest.slice(rest.indexOf(el) + el.length)
  }
  return found
}

/** The text of each cell (th or td) of a table row. */
export function cellsOf(rowHtml: string) {
  return [...rowHtml.matchAll(/<(t[hd])[\s>][\s\S]*?<\/\1>/g)].map((m) => textOf(m[0]))
}
