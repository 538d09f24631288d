/**
 * The request body, at most `maxBytes` of it: null when it is larger. A declared Content-Length past the limit
 * is refused before reading anything, and the count is kept while reading, so a lying or missing header does
 * not let a large body into memory either.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  if (declared > maxBytes) return null
  const reader = request.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  while (reader) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
