import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

// The few scripts published pages load (/page-assets/form.js, countdown.js), served from memory: compressed once
// with brotli and gzip, and fingerprinted so pages can reference `?v=<hash>` and browsers keep them for a year.
// (express.static would send the 91 KB form script uncompressed.)

type Asset = { raw: Buffer; gzip: Buffer; br: Buffer; version: string }
const NAME = /^\/page-assets\/([a-z0-9-]+\.js)(?:\?(.*))?$/
const assets = new Map<string, Asset | null>()

// The build's copy in production; public/ (where build-bundle.ts writes) while developing.
const folders = () => (process.env.NODE_ENV === 'production' ? ['build/client/page-assets', 'public/page-assets'] : ['public/page-assets', 'build/client/page-assets']).map((f) => path.resolve(f))

function loadAsset(name: string): Asset | null {
  if (assets.has(name)) return assets.get(name)!
  const file = folders()
    .map((folder) => path.join(folder, name))
    .find((candidate) => existsSync(candidate))
  let asset: Asset | null = null
  if (file) {
    const raw = readFileSync(file)
    asset = {
      raw,
      gzip: gzipSync(raw, { level: 9 }),
      br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      version: createHash('sha256').update(raw).digest('base64url').slice(0, 10),
    }
  }
  assets.set(name, asset)
  return asset
}

/** The URL a page references: fingerprinted when the file is there, plain otherwise (it will 404 until built). */
export function pageAssetUrl(name: string) {
  const asset = loadAsset(name)
  return asset ? `/page-assets/${name}?v=${asset.version}` : `/page-assets/${name}`
}

export const isPageAssetRequest = (url: string) => url.startsWith('/page-assets/')

export function servePageAsset(req: IncomingMessage, res: ServerResponse) {
  const match = NAME.exec(req.url ?? '')
  const asset = match ? loadAsset(match[1]!) : null
  if (!asset) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' })
    return void res.end('Not found')
  }
  const accept = req.headers['accept-encoding'] ?? ''
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null
  const body = encoding ? asset[encoding] : asset.raw
  const isCurrent = new URLSearchParams(match![2] ?? '').get('v') === asset.version
  const etag = `"${asset.version}"`
  const headers = {
    'Content-Type': 'text/javascript; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': isCurrent ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    ETag: etag,
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers)
    return void res.end()
  }
  res.writeHead(200, { ...headers, 'Content-Length': body.length })
  res.end(req.method === 'HEAD' ? undefined : body)
}
