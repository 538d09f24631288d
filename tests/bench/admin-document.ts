// What a Swedish admin document weighs (issue 18, decision 094): the demo user's /dashboard in Swedish, gzip as a
// proxy in front of the server would send it, on a first load (the document and the catalogue it refers to) and a
// repeat one (the catalogue is then in the browser's cache), and the Cache-Control the catalogue is served with.
// Needs the production build (`npm run build`); serves it on a throwaway embedded database with the demo seeded.
//   npx tsx tests/bench/admin-document.ts
import { gzipSync } from 'node:zlib'
import swedish from '#app/i18n/catalogues/sv.json'
import { startServer } from '#tests/server-process'
import { waitFor } from '#tests/wait-for'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const gzipBytes = (text: string) => gzipSync(text).length
// Swedish words no dashboard shows (the sign-up form's): found in a document only if the whole catalogue is.
const CATALOGUE_MARKER = swedish.auth.signup.workspaceHint

const server = await startServer({ RATE_LIMITS: 'off' }, { dataDir: 'temp', startTimeoutMs: 120_000 })
try {
  // The demo login as the server prints it (app/demo/seed.server.ts, which tsx cannot import: it reaches CSS).
  const [, email = '', password = ''] = await waitFor(() => /Demo login: (\S+) \/ (\S+)/.exec(server.output()) ?? undefined, 5_000)
  const headers = { 'Accept-Language': 'sv-SE,sv;q=0.9' }
  const login = await fetch(`${server.url}/login`, { method: 'POST', headers, body: new URLSearchParams({ email, password }), redirect: 'manual' })
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  if (login.status !== 302 || !cookie) throw new Error(`login answered ${login.status}`)
  const response = await fetch(`${server.url}/dashboard`, { headers: { ...headers, cookie } })
  const html = await response.text()
  if (response.status !== 200 || !/<html lang="sv"/.test(html)) throw new Error(`/dashboard answered ${response.status} and not in Swedish`)
  const catalogueHref = /<link rel="preload" href="([^"]+)" as="fetch"/.exec(html)?.[1]
  console.log(`Swedish /dashboard document: ${kb(Buffer.byteLength(html))} raw, ${kb(gzipBytes(html))} gzip; carries the catalogue: ${html.includes(CATALOGUE_MARKER) ? 'yes' : 'no'}`)
  if (catalogueHref) {
    const asset = await fetch(new URL(catalogueHref, server.url))
    const text = await asset.text()
    console.log(`catalogue ${catalogueHref}: ${asset.status}, ${kb(Buffer.byteLength(text))} raw, ${kb(gzipBytes(text))} gzip, Cache-Control: ${asset.headers.get('cache-control')}`)
    console.log(`first load (document + catalogue): ${kb(gzipBytes(html) + gzipBytes(text))} gzip; repeat load (document): ${kb(gzipBytes(html))} gzip`)
  } else {
    console.log(`no catalogue asset referenced: first and repeat load alike ${kb(gzipBytes(html))} gzip`)
  }
} finally {
  server.proc.kill('SIGTERM')
  await server.exited
}
