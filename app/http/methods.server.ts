import { jsonError } from '#app/http/json.server'

// Remix sends GET, HEAD and OPTIONS to a route's loader, POST, PUT, PATCH and DELETE to its action, and answers
// any other method itself, before any route, with `405 {"message":"Unexpected Server Error"}`. So a route
// without a loader or an action, an action that took one method, or a WebDAV-style PROPFIND all answered
// that. Every API route declares its methods once here and calls `require` first in both halves (or uses
// `refuse` for a half it does not have); server.js hands the methods Remix will not dispatch to the loader as
// OPTIONS, naming the real one in ORIGINAL_METHOD_HEADER. Anything not declared gets 405, a JSON message
// naming the allowed methods, and an Allow header.

/** Set by server.js only (it drops a client's own): the method of a request it re-sent as OPTIONS. */
export const ORIGINAL_METHOD_HEADER = 'x-splitform-original-method'

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'

export type MethodGuard = {
  /** Throws the 405 unless the request's method is one of the route's. */
  require: (request: Request) => void
  /** A loader or action for a route that has no such half: every request that reaches it gets the 405. */
  refuse: (args: { request: Request }) => Promise<Response>
  /** The Allow header's value. */
  allow: string
}

/** The method the client used, also when server.js re-sent it as OPTIONS. */
export function requestedMethod(request: Request) {
  return request.method === 'OPTIONS' ? (request.headers.get(ORIGINAL_METHOD_HEADER) ?? 'OPTIONS') : request.method
}

/** The methods an API route answers; `usage` says what to send (e.g. `PUT with { "draft": … }`). */
export function allowMethods(methods: readonly ApiMethod[], usage?: string): MethodGuard {
  // HEAD is a GET without the body: Remix answers it with the loader.
  const allowed: string[] = methods.includes('GET') ? [...methods, 'HEAD'] : [...methods]
  const allow = allowed.join(', ')
  const refusal = (method: string) => jsonError(405, { error: `Method ${method.slice(0, 20)} not allowed here: use ${usage ?? methods.join(' or ')}` }, { Allow: allow })
  return {
    require: (request) => {
      const method = requestedMethod(request)
      if (!allowed.includes(method)) throw refusal(method)
    },
    refuse: async ({ request }) => refusal(requestedMethod(request)),
    allow,
  }
}
