import type { IncomingMessage } from 'node:http'
import { bodyLimitFor } from '#app/http/body-limits'

/**
 * The request body, at most `maxBytes` of it: null when it is larger. A declared Content-Length past the limit
 * is refused before reading anything, and the count is kept while reading, so a lying or missing header does
 * not let a large body into memory either. Past the limit the rest is left unread (not cancelled: that would
 * destroy the socket before the 413 is written); the guard discards it once the answer is out.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (declaresTooMuch(request.headers.get('Content-Length'), maxBytes)) return null
  const reader = request.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (reader) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        reader.releaseLock()
        return null
      }
      chunks.push(value)
    }
  } catch (error) {
    // The guard in front of Remix stopped a chunked body at the route's limit (request-guard.server.ts).
    if ((error as Error | undefined)?.name === 'BodyTooLargeError') return null
    throw error
  }
  return Buffer.concat(chunks)
}

/** The route's body limit for this request (body-limits.ts). */
export function requestBodyLimit(request: Request) {
  return bodyLimitFor(new URL(request.url).pathname, request.headers.get('Content-Type'))
}

const declaresTooMuch = (contentLength: string | null | undefined, maxBytes: number) => Number(contentLength ?? 0) > maxBytes

/**
 * The same for a plain Node request (the visitor path runs before Remix). Past the limit the rest is drained,
 * not read into memory, so the 413 can still be written on the connection.
 */
export function readNodeBodyBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  if (declaresTooMuch(req.headers['content-length'], maxBytes)) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        resolve(null)
        req.removeAllListeners('data')
        req.resume()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
