import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { matchRoutes, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from '#app/components/nonce'
import { createCspNonce, setAdminSecurityHeaders } from '#app/http/admin-csp.server'

// The server entry (server.js) reaches these through the build's entry module.
export { startServices, stopServices } from '#app/services.server'
export { resolveClientIp } from '#app/http/client-ip'
export { CROSS_SITE_MESSAGE, isCrossSiteRequest } from '#app/auth/csrf.server'
export { guardRequest } from '#app/http/request-guard.server'
export { isPublishedPageRequest, servePublishedPage } from '#app/published/router.server'

const ABORT_DELAY = 5_000

// Bots get the whole document at once (onAllReady); browsers get it streamed from the first byte.
// Every document the app renders carries the admin CSP with a nonce of its own, given to React (its streamed
// scripts), to RemixServer (single fetch's streamed data) and through NonceProvider to <Scripts> and
// <ScrollRestoration> in root.tsx.
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  const nonce = createCspNonce()
  setAdminSecurityHeaders(responseHeaders, { nonce, isDev: process.env.NODE_ENV === 'development' })
  if (responseStatusCode === 405) responseHeaders.set('Allow', allowedMethods(remixContext, request))
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors after the shell are already streaming; log them, the error boundary renders the rest.
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

// Remix answers 405 for a method a page does not take (a POST to a page without an action, PROPFIND…) but names
// no alternative; HTTP asks for Allow. For a method Remix does not dispatch at all it matches no route, so the path is
// matched here against the route manifest. The API routes say it themselves (app/http/methods.server.ts).
type RouteNode = { id: string; path?: string; index?: boolean; children: RouteNode[] }
const routeTrees = new WeakMap<EntryContext['manifest'], RouteNode[]>()

function allowedMethods(remixContext: EntryContext, request: Request) {
  const { manifest } = remixContext
  let tree = routeTrees.get(manifest)
  if (!tree) {
    const nodes = new Map(Object.values(manifest.routes).map((r) => [r.id, { id: r.id, path: r.path, index: r.index, children: [] as RouteNode[] }]))
    tree = []
    for (const r of Object.values(manifest.routes)) (r.parentId ? nodes.get(r.parentId)!.children : tree).push(nodes.get(r.id)!)
    routeTrees.set(manifest, tree)
  }
  const leaf = matchRoutes(tree as Parameters<typeof matchRoutes>[0], new URL(request.url).pathname)?.at(-1)
  return leaf && manifest.routes[(leaf.route as RouteNode).id]?.hasAction ? 'GET, HEAD, POST' : 'GET, HEAD'
}

// Unexpected errors only (thrown Responses are expected and not logged); the client IP makes abuse traceable.
export function handleError(error: unknown, { request, context }: { request: Request; context: { clientIp?: string } }) {
  if (request.signal.aborted) return
  const { pathname } = new URL(request.url)
  console.error(`[error] ${context.clientIp ?? '-'} ${request.method} ${pathname}:`, error)
}
