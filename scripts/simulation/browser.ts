import http from 'node:http'
import https from 'node:https'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import type { Field } from '#app/forms/definition'

// The little of a browser the traffic simulator needs: one connection per visitor, a cookie jar kept between
// its page views and its form post, compressed pages, and reading a served page the way the page's own script
// does (the variant on the page root, the form's hidden inputs and its definition).

export type BrowserResponse = { status: number; body: string }

/** One visitor's browser: its cookies, user agent, language and (on loopback) its own source address. */
export class Browser {
  readonly cookies = new Map<string, string>()
  // Like a browser, a visitor reuses its connection between requests; close() ends it.
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 1 })

  constructor(
    private readonly headers: Record<string, string>,
    private readonly localAddress?: string,
  ) {}

  get(url: string, headers: Record<string, string> = {}) {
    return this.request(url, { method: 'GET', headers: { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'Accept-Encoding': 'gzip, deflate, br', ...headers } })
  }

  postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body)
    return this.request(url, { method: 'POST', body: text, headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers } })
  }

  close() {
    this.agent.destroy()
    this.httpsAgent.destroy()
  }

  private request(url: string, { method, headers, body }: { method: string; headers: Record<string, string>; body?: string }): Promise<BrowserResponse> {
    const target = new URL(url)
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const isHttps = target.protocol === 'https:'
    return new Promise((resolve, reject) => {
      const req = (isHttps ? https : http).request(
        target,
        {
          method,
          agent: isHttps ? this.httpsAgent : this.agent,
          headers: { ...this.headers, ...headers, ...(cookie ? { Cookie: cookie } : {}) },
          // An IPv4 source address needs an IPv4 destination: "localhost" may resolve to ::1 first.
          ...(this.localAddress ? { localAddress: this.localAddress, family: 4 } : {}),
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('error', reject)
          res.on('end', () => {
            this.storeCookies(res.headers['set-cookie'] ?? [])
            try {
              resolve({ status: res.statusCode ?? 0, body: decode(Buffer.concat(chunks), res.headers['content-encoding']) })
            } catch (error) {
              reject(error)
            }
          })
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  }

  private storeCookies(lines: string[]) {
    for (const line of lines) {
      const pair = line.split(';', 1)[0]!
      const eq = pair.indexOf('=')
      if (eq <= 0) continue
      const name = pair.slice(0, eq).trim()
      // Max-Age=0 (or a date in the past) is how a server deletes a cookie.
      if (/;\s*max-age=0\b/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, pair.slice(eq + 1).trim())
    }
  }
}

function decode(bytes: Buffer, encoding: string | undefined) {
  if (encoding === 'gzip') return gunzipSync(bytes).toString('utf8')
  if (encoding === 'br') return brotliDecompressSync(bytes).toString('utf8')
  if (encoding === 'deflate') return inflateSync(bytes).toString('utf8')
  return bytes.toString('utf8')
}

/** What the page's form script reads from the definition it is served with. */
export type ServedFormDefinition = { fields: Field[]; conversionType: 'soft' | 'hard'; minFillSeconds?: number }

export type ServedPageView = {
  variantKey: string | null
  /** The first form's hidden inputs (_form, _idem, _t, _variant), as a browser posts them back. */
  runtime: Record<string, string> | null
  definition: ServedFormDefinition | null
  /** The values of inputs by name, for hidden answer fields the page filled in (from the URL). */
  inputValue: (name: string) => string | undefined
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

export function readServedPage(html: string): ServedPageView {
  const inputValue = (name: string) => {
    const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)
    return match ? unescapeHtml(match[1]!) : undefined
  }
  const variantKey = /data-variant="([A-Z]{1,2})"/.exec(html)?.[1] ?? null
  const formId = inputValue('_form')
  if (!formId) return { variantKey, runtime: null, definition: null, inputValue }
  const runtime = { _form: formId, _idem: inputValue('_idem') ?? '', _t: inputValue('_t') ?? '', _variant: inputValue('_variant') ?? '', _hp: '' }
  // The definition travels as JSON with `<` escaped (\u003c), so no `</script>` can occur inside it.
  const script = new RegExp(`<script type="application/json" data-sf-definition="${formId}">([\\s\\S]*?)</script>`).exec(html)
  const definition = script ? (JSON.parse(script[1]!) as ServedFormDefinition) : null
  return { variantKey, runtime, definition, inputValue }
}
