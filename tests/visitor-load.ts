import { randomUUID } from 'node:crypto'
import http from 'node:http'
import { BROWSER_UA, hiddenFieldsOf } from '#tests/factories/published-forms'

// Visitors, as many at once as asked, each one a new browser: GET /p/:slug (a counted page view that assigns a
// variant), then, for every other visitor, POST its form, as JSON (the page script) or form-encoded (no
// JavaScript), retrying a refused or failed post with the same idempotency key as the page script does. Bounded in visitors and in time, loopback
// only. It records what a client can know: which views were served and which submissions were acknowledged.

export type Acknowledged = { idempotencyKey: string; visitorId: string; conversionId: string | null; status: number }

export type LoadReport = {
  /** Page views answered 200 (each one a new visitor), and when each was received (epoch ms). */
  served: number
  servedAt: number[]
  acknowledged: Acknowledged[]
  /** Attempts refused by the server (status → count) or failed on the wire (error code → count). */
  refused: Record<string, number>
  /** Submissions given up unacknowledged (out of retries or time). */
  abandoned: number
  /** Requests whose connection was reset or refused after `markStop()` (the server was going away). */
  failedAfterStop: number
}

type Response = { status: number; headers: http.IncomingHttpHeaders; body: string }

function request(url: string, agent: http.Agent, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', agent, headers: options.headers, timeout: 10_000 }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })))
    req.on('error', reject)
    req.end(options.body)
  })
}

/** name=value of every Set-Cookie, as a browser would send them back (Secure or not: this is loopback). */
const cookiesOf = (headers: http.IncomingHttpHeaders) => (headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')

export function startVisitorLoad({
  url,
  slug,
  concurrency,
  maxVisitors,
  maxMs,
  agentOptions = { keepAlive: true },
  submitRetries = 40,
}: {
  url: string
  slug: string
  concurrency: number
  maxVisitors: number
  maxMs: number
  agentOptions?: http.AgentOptions
  submitRetries?: number
}) {
  const report: LoadReport = { served: 0, servedAt: [], acknowledged: [], refused: {}, abandoned: 0, failedAfterStop: 0 }
  const endsAt = Date.now() + maxMs
  let started = 0
  let stopped = false
  let stopMarked = false
  const agents = Array.from({ length: concurrency }, () => new http.Agent({ maxSockets: 1, ...agentOptions }))
  const note = (key: string) => (report.refused[key] = (report.refused[key] ?? 0) + 1)
  const noteError = (error: unknown) => {
    const code = (error as { code?: string }).code ?? 'error'
    note(code)
    if (stopMarked) report.failedAfterStop += 1
  }
  const running = () => !stopped && Date.now() < endsAt

  async function submit(agent: http.Agent, n: number, visitorId: string, cookies: string, html: string) {
    const hidden = hiddenFieldsOf(html)
    const fields = { ...hidden, email: `visitor-${n}-${visitorId.slice(0, 8)}@example.com`, name: `Visitor ${n}` }
    const asJson = n % 4 === 0
    const headers: Record<string, string> = asJson ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { 'Content-Type': 'application/x-www-form-urlencoded' }
    const body = asJson ? JSON.stringify(fields) : new URLSearchParams(fields).toString()
    for (let attempt = 0; attempt <= submitRetries && running(); attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(50 * attempt, 250)))
      try {
        const res = await request(`${url}/p/${slug}`, agent, { method: 'POST', headers: { ...headers, 'User-Agent': BROWSER_UA, Cookie: cookies }, body })
        // JSON answers 201 { conversionId }; a plain form answers 303 to the thank-you state: both mean committed.
        if (res.status === 201 || res.status === 303) {
          const conversionId = asJson ? (JSON.parse(res.body) as { conversionId: string | null }).conversionId : null
          report.acknowledged.push({ idempotencyKey: hidden._idem, visitorId, conversionId, status: res.status })
          return
        }
        note(String(res.status))
        if (res.status !== 503) return void (report.abandoned += 1) // not a retryable answer: a test bug, visible in `refused`
      } catch (error) {
        noteError(error)
      }
    }
    report.abandoned += 1
  }

  async function visitor(agent: http.Agent) {
    while (running() && started < maxVisitors) {
      const n = started++
      const visitorId = randomUUID()
      let page: Response
      try {
        page = await request(`${url}/p/${slug}`, agent, { headers: { 'User-Agent': BROWSER_UA, Cookie: `sf_vid=${visitorId}` } })
      } catch (error) {
        noteError(error)
        continue
      }
      if (page.status !== 200) {
        note(`GET ${page.status}`)
        continue
      }
      report.served += 1
      report.servedAt.push(Date.now())
      const cookies = [`sf_vid=${visitorId}`, cookiesOf(page.headers)].filter(Boolean).join('; ')
      // Half the visitors only look, as on a real page: the results' converted visitors stay below their visitors.
      if (n % 2 === 0) await submit(agent, n, visitorId, cookies, page.body)
    }
  }

  const done = Promise.all(agents.map(visitor)).then(() => {
    for (const agent of agents) agent.destroy()
    return report
  })
  return {
    report,
    done,
    /** Visitors seen so far. */
    started: () => started,
    /** From now on, connection failures are counted as happening after the server began to stop. */
    markStop: () => void (stopMarked = true),
    stop: () => {
      stopped = true
      return done
    },
  }
}
