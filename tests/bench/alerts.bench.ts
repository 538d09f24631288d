// Speed to lead: how long a hot lead's alert takes from the visitor's form post to a real SMTP server (issue 20:
// "within 10 s of the submission, p95"). The production server (a build, real PostgreSQL, the demo seeded) sends
// through SMTP_URL to smtp-server on loopback; the demo's "Book a demo" form (a hard conversion) alerts on hot
// leads. Each of N visitors posts it once, one after the other, paced like real traffic rather than a flood, and
// the time from sending the post to the alert's arrival is read per lead. Needs a build and PostgreSQL.
import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { startServer } from '#tests/server-process'
import { startSmtpReceiver } from '#tests/smtp-receiver'
import { createBenchDatabase } from './bench-db'

const LEADS = Number(process.argv[2] ?? 100)
const PACE_MS = 100
const SLUG = 'demo-book-a-demo'
// A browser's user agent: a bot's would be served but its post held (as tests/factories/published-forms.ts BROWSER_UA).
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'

const benchDb = await createBenchDatabase('alerts')
const smtp = await startSmtpReceiver()
const sql = postgres(benchDb.url, { max: 1, onnotice: () => {} })
const server = await startServer({
  DATABASE_URL: benchDb.url,
  SESSION_SECRET: 'b'.repeat(40),
  SEED_DEMO: '1',
  TRUST_PROXY: '1',
  RATE_LIMITS: 'off',
  SMTP_URL: smtp.url,
  APP_URL: 'https://app.example.test',
})
try {
  // Alerts on the page's form, set before the page is first served (the server reads forms when a page is).
  const [form] = await sql<{ id: string; definition: { fields: { key: string; type: string; options?: { value: string }[] }[] } }[]>`
    update forms set definition = definition || ${sql.json({ alerts: { emails: ['sales@example.com'], on: 'hot' }, minFillSeconds: 0 })}
    where id = (select f.id from forms f join pages p on p.workspace_id = f.workspace_id where p.slug = ${SLUG} and f.definition->>'conversionType' = 'hard' limit 1)
    returning id, definition`
  if (!form) throw new Error(`/p/${SLUG} has no hard form: is the demo seeded?`)
  const html = await (await fetch(`${server.url}/p/${SLUG}`, { headers: { 'User-Agent': UA } })).text()
  // As hiddenFieldsOf (tests/factories/published-forms.ts) reads them; that module imports the app, which tsx cannot.
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
  // A valid answer per field, from the form's own definition: the first option of a choice, consent given.
  const answer = (field: (typeof form.definition.fields)[number], email: string, i: number) =>
    field.type === 'email' ? email : field.options?.length ? field.options[0]!.value : field.type === 'consent' ? 'on' : field.type === 'phone' ? '+46 8 123 456' : `Bench ${i}`

  const latencies: number[] = []
  for (let i = 0; i < LEADS; i++) {
    const email = `lead-${i}-${randomUUID().slice(0, 8)}@bench.example`
    const body = new URLSearchParams({ _form: hidden('_form'), _t: hidden('_t'), _variant: hidden('_variant'), _hp: '', _idem: randomUUID() })
    for (const field of form.definition.fields) body.set(field.key, answer(field, email, i))
    const sentAt = Date.now()
    const before = smtp.received.length
    const response = await fetch(`${server.url}/p/${SLUG}`, {
      method: 'POST',
      body,
      headers: { 'User-Agent': UA, 'X-Forwarded-For': `10.9.${i >> 8}.${i & 255}`, Accept: 'application/json' },
    })
    if (response.status >= 300) throw new Error(`post ${i}: ${response.status} ${await response.text()}`)
    await smtp.waitForMessages(before + 1, 30_000)
    const alert = smtp.received.slice(before).find((m) => m.mail.text?.includes(email))
    if (!alert) throw new Error(`post ${i}: the mail that arrived is not this lead's alert`)
    latencies.push(alert.at - sentAt)
    await new Promise((resolve) => setTimeout(resolve, PACE_MS))
  }
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!
  console.log(`hot-lead alerts, post → SMTP arrival, ${LEADS} leads one after the other (${PACE_MS} ms apart):`)
  console.log(`  p50 ${at(0.5)} ms · p95 ${at(0.95)} ms · max ${latencies.at(-1)} ms (target: p95 ≤ 10,000 ms)`)
} catch (error) {
  const [counts] =
    await sql`select (select count(*) from conversions where created_at > now() - interval '5 minutes') as conversions, (select count(*) from spam_submissions) as held, (select count(*) from mail_messages) as mail, (select string_agg(status || ':' || coalesce(last_error, ''), ', ') from mail_messages) as statuses`
  console.error('rows at the failure:', counts)
  throw error
} finally {
  server.proc.kill('SIGTERM')
  await server.exited
  await smtp.stop()
  await sql.end()
  await benchDb.drop()
}
