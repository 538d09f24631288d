import type { IncomingMessage } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { getEnv } from '#app/env.server'
import { isHttpsRequest } from '#app/http/request-scheme'

// Cookies carry Secure exactly when the browser reached us over HTTPS (docs/stack.md pitfall 14): a Secure cookie
// sent over plain http (a LAN address, a VM) is dropped by the browser, so logins bounced and visitors lost
// their variants; a cookie without Secure over HTTPS would also travel over http to the same host. Behind a
// TLS-terminating proxy set TRUST_PROXY, or the app sees plain http and leaves Secure off.

/** For the published-page server, which handles Node requests directly. */
export function isSecureNodeRequest(req: IncomingMessage) {
  return isHttpsRequest({
    encrypted: (req.socket as TLSSocket).encrypted === true,
    forwardedProto: req.headers['x-forwarded-proto'],
    hops: getEnv().trustProxyHops,
  })
}

/** For loaders and actions: the adapter builds request.url with https only for a TLS socket. */
export function isSecureRequest(request: Request) {
  return isHttpsRequest({
    encrypted: request.url.startsWith('https:'),
    forwardedProto: request.headers.get('X-Forwarded-Proto'),
    hops: getEnv().trustProxyHops,
  })
}

/** Why this request counts as HTTPS: a TLS socket, a trusted proxy's word, or not at all (null). */
export function httpsOf(request: Request): 'tls' | 'proxy' | null {
  if (request.url.startsWith('https:')) return 'tls'
  return isSecureRequest(request) ? 'proxy' : null
}
