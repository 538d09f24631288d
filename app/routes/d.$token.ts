import type { LoaderFunctionArgs } from '@remix-run/node'
import { readDownloadLink } from '#app/assets/download-link.server'
import { attachmentDisposition, servableContentType } from '#app/assets/files'
import { getAsset } from '#app/assets/asset.server'

// A visitor's download after a form submission (see app/assets/download-link.server.ts). Public: the signed
// token is the permission. Files go out as attachments of a safe type, never as something a browser renders.

// The token must not leak to the next site through Referer; nothing here should be cached by shared caches.
const COMMON_HEADERS = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' }

export async function loader({ params }: LoaderFunctionArgs) {
  const reading = readDownloadLink(params.token ?? '')
  if (!reading.ok) {
    return reading.reason === 'expired'
      ? messagePage(410, 'This download link has expired', 'Download links work for a limited time. Fill in the form again to get a fresh link.')
      : messagePage(404, 'This download link is not valid', 'Check that you copied the whole link, or fill in the form again to get a new one.')
  }
  const { link } = reading
  if ('url' in link.asset) {
    if (!/^https?:\/\//i.test(link.asset.url)) return messagePage(404, 'This download link is not valid', 'The file is not available.')
    return new Response(null, { status: 302, headers: { ...COMMON_HEADERS, Location: link.asset.url } })
  }
  const asset = await getAsset({ workspaceId: link.workspaceId, id: link.asset.id })
  if (!asset) return messagePage(404, 'This file is no longer available', 'It may have been removed. Contact the company that sent you the link.')
  return new Response(asset.data as Uint8Array<ArrayBuffer>, {
    headers: {
      ...COMMON_HEADERS,
      'Content-Type': servableContentType(asset.contentType),
      'Content-Length': String(asset.data.byteLength),
      'Content-Disposition': attachmentDisposition(asset.filename),
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  })
}

// Static text only (nothing from the token), so there is nothing to escape.
function messagePage(status: 404 | 410, title: string, text: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>body{font:1.0625rem/1.6 system-ui,sans-serif;color:#0f172a;max-width:36rem;margin:15vh auto;padding:0 1.5rem}h1{font-size:1.5rem;line-height:1.2}</style></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`
  return new Response(html, {
    status,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
  })
}
