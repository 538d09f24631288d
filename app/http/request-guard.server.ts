import type { IncomingMessage, ServerResponse } from 'node:http'
import { bodyLimitFor, tooLargeMessage } from '#app/http/body-limits'
import { displayName, unsafeTextProblem } from '#app/http/unsafe-text'

// The guard in front of Remix (server.js mounts it next to the CSRF check; the visitor fast path has its own,
// app/published/submit.server.ts). Two checks that no route should have to repeat:
// - the URL: a NUL (%00) in a path segment or a query parameter, or a path that is not valid percent-encoded
//   UTF-8, is a 400 naming it, before any loader hands it to PostgreSQL (which answers NUL with a 500);
// - the body: a declared Content-Length past the route's limit (body-limits.ts) is a 413 before a byte of the
//   body is read, and a chunked body is counted as it streams: past the limit its readers see BodyTooLargeError
//   (readBodyBytes answers 413), so nothing past the limit is ever buffered, whoever reads it. What the client
//   still sends after its answer is discarded (discardUnreadBody).

/** What the body's readers see when the guard stopped a chunked body at its limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(tooLargeMessage(limit))
    this.name = 'BodyTooLargeError'
  }
}

type Next = (error?: unknown) => void

export function guardRequest(req: IncomingMessage, res: ServerResponse, next: Next) {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  const isApi = path.startsWith('/api/')
  const problem = urlProblem(path, q < 0 ? '' : url.slice(q + 1))
  if (problem) return refuse(res, 400, isApi ? apiProblem(problem) : `${problem.label}: ${problem.message}`)
  if (!hasBody(req)) return next()
  discardUnreadBody(req, res)
  const limit = bodyLimitFor(path, req.headers['content-type'])
  const declared = req.headers['content-length']
  // With a Content-Length, Node's parser never delivers more than it declared: checking the header is enough.
  if (declared !== undefined) {
    if (Number(declared) > limit) return refuse(res, 413, isApi ? { error: tooLargeMessage(limit) } : tooLargeMessage(limit))
    return next()
  }
  capChunkedBody(req, res, limit)
  next()
}

const hasBody = (req: IncomingMessage) => req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined

/**
 * Counts a chunked body as its reader pulls it. prependListener neither starts the flow (only a reader does)
 * nor misses a chunk: it sees each one before the reader's own listener does. Past the limit the readers get
 * BodyTooLargeError, and the rest of the body is discarded as it arrives, never kept.
 */
function capChunkedBody(req: IncomingMessage, res: ServerResponse, limit: number) {
  let size = 0
  const count = (chunk: Buffer) => {
    size += chunk.length
    if (size <= limit) return
    req.off('data', count)
    // A reader listens for 'error' (Remix's body stream does); without one there is nobody to tell.
    if (req.listenerCount('error') > 0) req.emit('error', new BodyTooLargeError(limit))
  }
  req.prependListener('data', count)
}

/** A query parameter is a field (`{ errors: { q: […] } }`, as API 400s name fields); a path segment is not. */
/** How long a client may go on sending a body nobody reads once it has its answer (a 413, a redirect…). */
export const DISCARD_BODY_MS = 5_000

/**
 * Once the answer is out, the rest of an unread body is discarded as it arrives, never kept: a route may answer
 * without reading it (a redirect to the login, a 413), and Remix's body stream has paused the request, so Node
 * would not drain it and the next request on this keep-alive connection would wait behind it. Closing at once
 * instead would reset a client still sending, which can lose the answer (that is why a 413 does not close).
 * A body that goes on for DISCARD_BODY_MS more (an endless chunked one) has its connection closed.
 */
function discardUnreadBody(req: IncomingMessage, res: ServerResponse) {
  res.once('finish', () => {
    if (req.complete) return
    req.removeAllListeners('data')
    req.resume()
    const timer = setTimeout(() => req.socket.destroy(), DISCARD_BODY_MS).unref()
    req.once('end', () => clearTimeout(timer))
    req.socket.once('close', () => clearTimeout(timer))
  })
}

export type UrlProblem = { label: string; message: string; param?: string }
const apiProblem = (problem: UrlProblem) => (problem.param !== undefined ? { errors: { [problem.param]: [problem.message] } } : { error: `${problem.label}: ${problem.message}` })

/** The first path segment or query parameter that cannot be used, named; null for a usable URL. */
export function urlProblem(path: string, query: string): UrlProblem | null {
  for (const segment of path.split('/')) {
    if (!segment.includes('%')) continue
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return { label: `URL path segment "${segment.slice(0, 100)}"`, message: 'Is not valid percent-encoded UTF-8' }
    }
    const message = unsafeTextProblem(decoded)
    if (message) return { label: `URL path segment "${segment.slice(0, 100)}"`, message }
  }
  if (!query) return null
  // URLSearchParams turns malformed escapes into U+FFFD, which is harmless; only NUL survives decoding.
  for (const [name, value] of new URLSearchParams(query)) {
    const message = unsafeTextProblem(name) ?? unsafeTextProblem(value)
    if (message) {
      const param = displayName(name)
      return { label: `Query parameter "${param}"`, message, param }
    }
  }
  return null
}

function refuse(res: ServerResponse, status: 400 | 413, body: string | object) {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}
