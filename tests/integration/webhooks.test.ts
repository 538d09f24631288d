import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'
import { asc, eq } from 'drizzle-orm'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { db, type Database } from '#app/db.server'
import { action, loader } from '#app/routes/_app.settings.webhooks'
import { createWebhookWorker, deliverDueWebhooks, enqueueWebhookEvents, pruneWebhookDeliveries } from '#app/webhooks/outbox.server'
import { createWebhook } from '#app/webhooks/webhook.server'
import type { Resolver } from '#app/webhooks/target.server'
import { MAX_ATTEMPTS } from '#app/webhooks/retry'
import { verifyWebhook, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '#app/webhooks/signature'
import { webhookDeliveries, type WebhookEvent } from '#db/schema'
import { callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'

// A real HTTP receiver on a free port. Paths choose the answer: /fail → 500, /hang → never answers, /slow → 200
// after 40 ms, /slower → 200 after 300 ms, /redirect → 302 to /followed, anything else → 200.
type Receipt = { path: string; headers: IncomingHttpHeaders; body: string }
const receipts: Receipt[] = []
const server = createServer((req, res) => {
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (chunk: string) => (body += chunk))
  req.on('end', () => {
    receipts.push({ path: req.url ?? '', headers: req.headers, body })
    if (req.url?.startsWith('/hang')) return
    if (req.url?.startsWith('/redirect')) return res.writeHead(302, { Location: `${base}/followed` }).end()
    const status = req.url?.startsWith('/fail') ? 500 : 200
    const delayMs = req.url?.startsWith('/slower') ? 300 : req.url?.startsWith('/slow') ? 40 : 0
    setTimeout(() => res.writeHead(status).end('ok'), delayMs)
  })
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const receivedAt = (path: string) => receipts.filter((r) => r.path === path)
const uniquePath = (prefix = '') => `${prefix}/${crypto.randomUUID()}`
const event = (type: WebhookEvent, data: Record<string, unknown> = { leadId: crypto.randomUUID() }) => ({ type, data })

async function ownerWithWebhook(path: string, events: WebhookEvent[] = ['lead.created', 'conversion.created', 'lead.hot']) {
  const owner = await createOwner()
  const hook = await createWebhook({ workspaceId: owner.workspaceId, url: `${base}${path}`, events, createdBy: owner.userId })
  return { owner, hook: hook! }
}

const deliveriesOf = (workspaceId: string) => db.select().from(webhookDeliveries).where(eq(webhookDeliveries.workspaceId, workspaceId)).orderBy(asc(webhookDeliveries.createdAt))

const post = (cookie: string, form: Record<string, string>) => callRoute(action, '/settings/webhooks', { cookie, form }).then(readResult)

describe('enqueueing', () => {
  test('rows are written only if the surrounding transaction commits', async () => {
    const { owner } = await ownerWithWebhook(uniquePath())
    await expect(
      db.transaction(async (tx) => {
        await enqueueWebhookEvents(tx, { workspaceId: owner.workspaceId, events: [event('lead.created')] })
        expect(await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.workspaceId, owner.workspaceId))).toHaveLength(1)
        tx.rollback()
      }),
    ).rejects.toThrow(/rollback/i)
    expect(await deliveriesOf(owner.workspaceId)).toHaveLength(0)

    await db.transaction((tx) => enqueueWebhookEvents(tx, { workspaceId: owner.workspaceId, events: [event('lead.created', { leadId: 'L1' })] }))
    const [row] = await deliveriesOf(owner.workspaceId)
    expect(row).toMatchObject({ event: 'lead.created', status: 'pending', attempts: 0 })
    expect(JSON.parse(row!.body)).toEqual({ id: expect.any(String), type: 'lead.created', createdAt: expect.any(String), workspaceId: owner.workspaceId, data: { leadId: 'L1' } })
  })

  test('one row per event × subscribed active webhook of that workspace, in one SELECT and one INSERT', async () => {
    const { owner, hook: all } = await ownerWithWebhook(uniquePath())
    const hotOnly = await createWebhook({ workspaceId: owner.workspaceId, url: `${base}/hot`, events: ['lead.hot'], createdBy: null })
    const paused = await createWebhook({ workspaceId: owner.workspaceId, url: `${base}/paused`, events: ['lead.created'], createdBy: null })
    await post(owner.cookie, { intent: 'pause', id: paused!.id })
    const other = await ownerWithWebhook(uniquePath())

    const calls: string[] = []
    const counted = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'select' || prop === 'insert') calls.push(prop)
        return Reflect.get(target, prop, receiver)
      },
    }) as Database
    const queued = await enqueueWebhookEvents(counted, { workspaceId: owner.workspaceId, events: [event('lead.created'), event('lead.hot'), event('conversion.created')] })
    expect(calls).toEqual(['select', 'insert'])
    expect(queued).toBe(4)
    const rows = await deliveriesOf(owner.workspaceId)
    expect(rows.map((r) => `${r.webhookId === all.id ? 'all' : r.webhookId === hotOnly!.id ? 'hot' : 'paused'}:${r.event}`).sort()).toEqual([
      'all:conversion.created',
      'all:lead.created',
      'all:lead.hot',
      'hot:lead.hot',
    ])
    // The same event reaches both webhooks under the same id, so a receiver can dedupe.
    const hotIds = rows.filter((r) => r.event === 'lead.hot').map((r) => JSON.parse(r.body).id)
    expect(new Set(hotIds).size).toBe(1)
    expect(await deliveriesOf(other.owner.workspaceId)).toHaveLength(0)

    // A workspace without webhooks (the common case on the submission path) costs one SELECT and nothing else.
    calls.length = 0
    const bare = await createOwner()
    expect(await enqueueWebhookEvents(counted, { workspaceId: bare.workspaceId, events: [event('lead.created')] })).toBe(0)
    expect(calls).toEqual(['select'])
  })
})

describe('delivery', () => {
  test('POSTs the stored body, signed so verifyWebhook accepts it, once', async () => {
    const path = uniquePath()
    const { owner, hook } = await ownerWithWebhook(path)
    await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('conversion.created', { answers: { email: 'ada@example.com' } })] })
    const [stored] = await deliveriesOf(owner.workspaceId)
    const revealed = (await post(owner.cookie, { intent: 'reveal', id: hook.id })).body as { revealed: { secret: string } }
    expect(revealed.revealed.secret).toBe(hook.secret)

    expect(await deliverDueWebhooks({ workspaceId: owner.workspaceId })).toMatchObject({ claimed: 1, delivered: 1 })
    const [receipt] = receivedAt(path)
    expect(receivedAt(path)).toHaveLength(1)
    expect(receipt!.body).toBe(stored!.body)
    expect(receipt!.headers['content-type']).toBe('application/json')
    expect(receipt!.headers['user-agent']).toBe('Splitform-Webhooks/1')
    const timestamp = receipt!.headers[WEBHOOK_TIMESTAMP_HEADER.toLowerCase()] as string
    const signature = receipt!.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string
    expect(verifyWebhook({ secret: hook.secret, timestamp, signature, body: receipt!.body })).toBe(true)
    expect(verifyWebhook({ secret: 'whsec_wrong', timestamp, signature, body: receipt!.body })).toBe(false)

    const [row] = await deliveriesOf(owner.workspaceId)
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null })
    expect(row!.deliveredAt).toBeInstanceOf(Date)
    expect(await deliverDueWebhooks({ workspaceId: owner.workspaceId })).toMatchObject({ claimed: 0 })
    expect(receivedAt(path)).toHaveLength(1)
  })

  test('a 500 and a timeout are retried after 30 s, then 1 min', async () => {
    const failPath = uniquePath('/fail')
    const { owner } = await ownerWithWebhook(failPath, ['lead.created'])
    const hangPath = uniquePath('/hang')
    await createWebhook({ workspaceId: owner.workspaceId, url: `${base}${hangPath}`, events: ['lead.created'], createdBy: null })
    await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.created')] })
    const t0 = new Date()
    // The hanging target never answers, so the time limit only has to outlast the failing target's 500: 0.3 s did
    // not, once, on a loaded machine (the 500 was recorded as a timeout).
    // The clock runs on from `now` while a round waits, so a retry's time may be up to one time limit later.
    const timeoutMs = 1500
    const round = (offsetMs: number) => deliverDueWebhooks({ workspaceId: owner.workspaceId, now: new Date(t0.getTime() + offsetMs), timeoutMs, random: () => 0 })

    expect(await round(0)).toMatchObject({ claimed: 2, retrying: 2 })
    const rows = await deliveriesOf(owner.workspaceId)
    const failed = rows.find((r) => r.lastStatusCode === 500)!
    const timedOut = rows.find((r) => r.id !== failed.id)!
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500 Internal Server Error' })
    expect(timedOut).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'Timed out after 1.5 s' })
    for (const row of rows) expect(row.nextAttemptAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(30_000)
    for (const row of rows) expect(row.nextAttemptAt.getTime() - t0.getTime()).toBeLessThan(31_000 + timeoutMs)

    expect(await round(29_000)).toMatchObject({ claimed: 0 })
    const secondAt = 31_000 + timeoutMs
    expect(await round(secondAt)).toMatchObject({ claimed: 2, retrying: 2 })
    const second = await deliveriesOf(owner.workspaceId)
    for (const row of second) {
      expect(row.attempts).toBe(2)
      expect(row.nextAttemptAt.getTime() - t0.getTime() - secondAt).toBeGreaterThanOrEqual(60_000)
      expect(row.nextAttemptAt.getTime() - t0.getTime() - secondAt).toBeLessThan(61_000 + timeoutMs)
    }
    expect(receivedAt(failPath)).toHaveLength(2)
  })

  test('keeps retrying for at least 24 h after the first attempt, then gives up', async () => {
    const path = uniquePath('/fail')
    const { owner } = await ownerWithWebhook(path, ['lead.hot'])
    await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.hot')] })
    const firstAttempt = Date.now()
    let now = new Date(firstAttempt)
    for (;;) {
      await deliverDueWebhooks({ workspaceId: owner.workspaceId, now })
      const [row] = await deliveriesOf(owner.workspaceId)
      if (row!.status !== 'pending') {
        expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastStatusCode: 500 })
        break
      }
      // Still trying. (Jitter only lengthens waits, so late attempts may already fall past 24 h: the promise
      // is a floor, checked below, not a ceiling.)
      expect(row!.attempts).toBeLessThan(MAX_ATTEMPTS)
      now = row!.nextAttemptAt
    }
    expect(now.getTime() - firstAttempt).toBeGreaterThanOrEqual(24 * 3600_000)
    expect(receivedAt(path)).toHaveLength(MAX_ATTEMPTS)
    expect(await deliverDueWebhooks({ workspaceId: owner.workspaceId, now: new Date(now.getTime() + 7 * 24 * 3600_000) })).toMatchObject({ claimed: 0 })
  })

  test('two workers running at once never send the same delivery twice', async () => {
    const owner = await createOwner()
    const paths = [uniquePath('/slow'), uniquePath('/slow'), uniquePath('/slow')]
    for (const path of paths) await createWebhook({ workspaceId: owner.workspaceId, url: `${base}${path}`, events: ['conversion.created'], createdBy: null })
    await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: Array.from({ length: 30 }, () => event('conversion.created')) })

    const round = () => deliverDueWebhooks({ workspaceId: owner.workspaceId, limit: 7 })
    let claimedByBoth = 0
    for (let i = 0; i < 20; i++) {
      const [a, b] = await Promise.all([round(), round()])
      if (a.claimed > 0 && b.claimed > 0) claimedByBoth++
      if (a.claimed + b.claimed === 0) break
    }
    const got = paths.flatMap((path) => receivedAt(path).map((r) => `${path} ${JSON.parse(r.body).id}`))
    expect(got).toHaveLength(90)
    expect(new Set(got).size).toBe(90)
    expect(claimedByBoth).toBeGreaterThan(0) // the rounds really did overlap
    expect((await deliveriesOf(owner.workspaceId)).every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true)
  })

  test('private targets are refused unless allowed, without a request being made', async () => {
    const path = uniquePath()
    const { owner } = await ownerWithWebhook(path, ['lead.created'])
    await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.created')] })
    expect(await deliverDueWebhooks({ workspaceId: owner.workspaceId, allowPrivateTargets: false })).toMatchObject({ retrying: 1 })
    expect(receivedAt(path)).toHaveLength(0)
    expect((await deliveriesOf(owner.workspaceId))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Refused: private or local address' })
  })

  // Names resolve through an injected resolver (no DNS here); the resolver counts the questions.
  function resolverOf(...answers: string[][]) {
    const asked: string[] = []
    const resolve: Resolver = async (hostname) => {
      const addresses = answers[Math.min(asked.length, answers.length - 1)]!
      asked.push(hostname)
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
    }
    return { resolve, asked }
  }
  const port = () => new URL(base).port

  test('a name that resolves to 127.0.0.1 is refused at send, without a request being made', async () => {
    const path = uniquePath()
    const owner = await createOwner()
    await createWebhook({ workspaceId: owner.workspaceId, url: `http://receiver.example:${port()}${path}`, events: ['lead.created'], createdBy: null })
    await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.created')] })
    const dns = resolverOf(['127.0.0.1'])
    expect(await deliverDueWebhooks({ workspaceId: owner.workspaceId, allowPrivateTargets: false, resolve: dns.resolve })).toMatchObject({ retrying: 1 })
    expect(dns.asked).toEqual(['receiver.example'])
    expect(receivedAt(path)).toHaveLength(0)
    expect((await deliveriesOf(owner.workspaceId))[0]).toMatchObject({ status: 'pending', lastError: 'Refused: private or local address' })
  })

  test('the connection goes to the address that was checked, with the name kept in the Host header', async () => {
    const path = uniquePath()
    const owner = await createOwner()
    await createWebhook({ workspaceId: owner.workspaceId, url: `http://receiver.example:${port()}${path}`, events: ['lead.created'], createdBy: null })
    await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.created')] })
    // Allowed here only so that the checked address can be our local receiver; the lookup is asked once.
    const dns = resolverOf(['127.0.0.1'], ['192.0.2.1'])
    expect(await deliverDueWebhooks({ workspaceId: owner.workspaceId, allowPrivateTargets: true, resolve: dns.resolve })).toMatchObject({ delivered: 1 })
    expect(dns.asked).toEqual(['receiver.example'])
    expect(receivedAt(path).map((r) => r.headers.host)).toEqual([`receiver.example:${port()}`])
  })

  test('DNS rebinding: a second, private answer is never asked for, so never connected to', async () => {
    const path = uniquePath()
    const owner = await createOwner()
    await createWebhook({ workspaceId: owner.workspaceId, url: `http://rebind.example:${port()}${path}`, events: ['lead.created'], createdBy: null })
    await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.created')] })
    // First answer public (passes the check), every later one our loopback receiver.
    const dns = resolverOf(['93.184.215.14'], ['127.0.0.1'])
    await deliverDueWebhooks({ workspaceId: owner.workspaceId, allowPrivateTargets: false, resolve: dns.resolve, timeoutMs: 500 })
    expect(dns.asked).toEqual(['rebind.example'])
    expect(receivedAt(path)).toHaveLength(0)
    const [row] = await deliveriesOf(owner.workspaceId)
    // Offline the public address is unreachable or times out; what matters is that it was the one tried.
    expect(row!.lastError).toMatch(/93\.184\.215\.14|Timed out/)
  })

  test('https keeps the name for TLS: the server sees it as SNI', async () => {
    const names: string[] = []
    // No certificate at all: the handshake fails after the client hello has named the server.
    const tlsServer = createTlsServer({
      SNICallback: (name, done) => {
        names.push(name)
        done(new Error('no certificate here'))
      },
    })
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve))
    try {
      const owner = await createOwner()
      await createWebhook({ workspaceId: owner.workspaceId, url: `https://secure.example:${(tlsServer.address() as AddressInfo).port}/in`, events: ['lead.created'], createdBy: null })
      await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.created')] })
      const dns = resolverOf(['127.0.0.1'])
      expect(await deliverDueWebhooks({ workspaceId: owner.workspaceId, allowPrivateTargets: true, resolve: dns.resolve })).toMatchObject({ retrying: 1 })
      expect(names).toEqual(['secure.example'])
    } finally {
      await new Promise((resolve) => tlsServer.close(resolve))
    }
  })

  test('a redirect is not followed: it is a failed attempt', async () => {
    const { owner } = await ownerWithWebhook(uniquePath('/redirect'), ['lead.created'])
    await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.created')] })
    expect(await deliverDueWebhooks({ workspaceId: owner.workspaceId })).toMatchObject({ retrying: 1 })
    expect(receivedAt('/followed')).toHaveLength(0)
    expect((await deliveriesOf(owner.workspaceId))[0]).toMatchObject({ status: 'pending', lastStatusCode: 302, lastError: 'HTTP 302 Found' })
  })

  test('pausing stops delivery; resuming and "retry now" send it; deleting removes the log', async () => {
    const path = uniquePath()
    const { owner, hook } = await ownerWithWebhook(path, ['lead.created'])
    await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.created')] })
    expect((await post(owner.cookie, { intent: 'pause', id: hook.id })).status).toBe(200)
    expect(await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.created')] })).toBe(0)

    expect(await deliverDueWebhooks({ workspaceId: owner.workspaceId })).toMatchObject({ failed: 1 })
    const [held] = await deliveriesOf(owner.workspaceId)
    expect(held).toMatchObject({ status: 'failed', attempts: 0, lastError: 'Not sent: the webhook is paused' })
    expect(receivedAt(path)).toHaveLength(0)

    expect((await post(owner.cookie, { intent: 'resume', id: hook.id })).status).toBe(200)
    expect((await post(owner.cookie, { intent: 'retry', id: held!.id })).status).toBe(200)
    expect(await deliverDueWebhooks({ workspaceId: owner.workspaceId })).toMatchObject({ delivered: 1 })
    expect(receivedAt(path)).toHaveLength(1)
    expect((await post(owner.cookie, { intent: 'retry', id: held!.id })).status).toBe(404) // delivered: nothing to retry

    expect((await post(owner.cookie, { intent: 'delete', id: hook.id })).status).toBe(200)
    expect(await deliveriesOf(owner.workspaceId)).toHaveLength(0)
  })

  test('"Send test event" queues a webhook.test ping that is delivered like any event', async () => {
    const path = uniquePath()
    const { owner, hook } = await ownerWithWebhook(path, ['lead.hot'])
    expect((await post(owner.cookie, { intent: 'test', id: hook.id })).body).toEqual({ tested: hook.id })
    await deliverDueWebhooks({ workspaceId: owner.workspaceId })
    expect(JSON.parse(receivedAt(path)[0]!.body)).toMatchObject({ type: 'webhook.test', workspaceId: owner.workspaceId, data: { webhookId: hook.id } })
    const log = (await readResult(await callRoute(loader, `/settings/webhooks?log=${hook.id}`, { cookie: owner.cookie }))).body as { log: { deliveries: { event: string; status: string }[] } }
    expect(log.log.deliveries).toEqual([expect.objectContaining({ event: 'webhook.test', status: 'delivered' })])
  })
})

test('maintenance deletes finished deliveries after 30 days and keeps pending ones', async () => {
  const { owner, hook } = await ownerWithWebhook(uniquePath(), ['lead.created'])
  const old = new Date(Date.now() - 31 * 24 * 3600_000)
  const row = (status: string, createdAt: Date) => ({ workspaceId: owner.workspaceId, webhookId: hook.id, event: status, body: '{}', status, createdAt })
  await db.insert(webhookDeliveries).values([row('delivered', old), row('failed', old), row('pending', old), row('delivered', new Date())])
  await pruneWebhookDeliveries()
  expect((await deliveriesOf(owner.workspaceId)).map((r) => `${r.status}:${r.createdAt < new Date(Date.now() - 24 * 3600_000) ? 'old' : 'new'}`).sort()).toEqual(['delivered:new', 'pending:old'])
})

describe('worker', () => {
  test('delivers in the background, and stopping waits for the send in flight to be recorded', async () => {
    const path = uniquePath('/slower')
    const { owner } = await ownerWithWebhook(path, ['lead.created'])
    const worker = createWebhookWorker({ everyMs: 10, workspaceId: owner.workspaceId })
    worker.start()
    try {
      await enqueueWebhookEvents(db, { workspaceId: owner.workspaceId, events: [event('lead.created')] })
      await expect.poll(() => receivedAt(path).length, { timeout: 5000, interval: 5 }).toBe(1)
      // The receiver answers 300 ms after it got the request: the round is still in flight now.
      expect((await deliveriesOf(owner.workspaceId))[0]!.status).toBe('pending')
    } finally {
      await worker.stop()
    }
    expect((await deliveriesOf(owner.workspaceId))[0]).toMatchObject({ status: 'delivered', attempts: 1 })
  })

  test('a failing round is logged, not thrown, and polling goes on', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    // Not a uuid: the claim query itself fails, as it would with the database away.
    const worker = createWebhookWorker({ everyMs: 5, workspaceId: 'not-a-uuid' })
    try {
      worker.start()
      await expect.poll(() => logged.mock.calls.length, { timeout: 5000, interval: 5 }).toBeGreaterThanOrEqual(2)
      expect(String(logged.mock.calls[0]![0])).toMatch(/webhook delivery round failed/)
    } finally {
      await worker.stop()
      logged.mockRestore()
    }
  })
})

describe('settings', () => {
  test('a member of workspace B gets 404 for workspace A’s webhooks and deliveries', async () => {
    const a = await ownerWithWebhook(uniquePath(), ['lead.created'])
    await enqueueWebhookEvents(db, { workspaceId: a.owner.workspaceId, events: [event('lead.created')] })
    const [delivery] = await deliveriesOf(a.owner.workspaceId)
    const b = await createOwner()

    for (const intent of ['reveal', 'pause', 'resume', 'delete', 'test']) {
      expect((await post(b.cookie, { intent, id: a.hook.id })).status, intent).toBe(404)
    }
    expect((await post(b.cookie, { intent: 'retry', id: delivery!.id })).status).toBe(404)
    expect((await readResult(await callRoute(loader, `/settings/webhooks?log=${a.hook.id}`, { cookie: b.cookie }))).status).toBe(404)
    const list = (await readResult(await callRoute(loader, '/settings/webhooks', { cookie: b.cookie }))).body as { webhooks: unknown[] }
    expect(list.webhooks).toEqual([])
    expect(await deliveriesOf(a.owner.workspaceId)).toHaveLength(1)
  })

  test('viewers see webhooks but not secrets, and every change is 403; editors manage them', async () => {
    const { owner, hook } = await ownerWithWebhook(uniquePath(), ['lead.created'])
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    const editor = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })

    const seen = await readResult(await callRoute(loader, `/settings/webhooks?log=${hook.id}`, { cookie: viewer.cookie }))
    expect(seen.status).toBe(200)
    expect(JSON.stringify(seen.body)).toContain(hook.id)
    expect(JSON.stringify(seen.body)).not.toContain('whsec_')
    for (const form of [{ intent: 'create', url: 'https://example.com/hook', events: 'lead.created' }, ...['reveal', 'pause', 'delete', 'test'].map((intent) => ({ intent, id: hook.id }))]) {
      expect((await post(viewer.cookie, form)).status, form.intent).toBe(403)
    }

    const created = await post(editor.cookie, { intent: 'create', url: ' https://hooks.example.com/in ', events: 'lead.hot' })
    expect(created.status).toBe(200)
    expect(created.body).toMatchObject({ created: { url: 'https://hooks.example.com/in', secret: expect.stringMatching(/^whsec_/) } })
  })

  test('several events can be chosen; a bad URL or no event is a 400 naming the field', async () => {
    const owner = await createOwner()
    const form = new URLSearchParams([
      ['intent', 'create'],
      ['url', 'https://example.com/a'],
      ['events', 'lead.created'],
      ['events', 'lead.hot'],
    ])
    const request = new Request('http://app.test/settings/webhooks', { method: 'POST', body: form, headers: { Cookie: owner.cookie, Origin: 'http://app.test' } })
    expect(await readResult(await action({ request, params: {}, context: { clientIp: '203.0.113.7' } }))).toMatchObject({ status: 200 })
    const list = (await readResult(await callRoute(loader, '/settings/webhooks', { cookie: owner.cookie }))).body as { webhooks: { events: string[] }[] }
    expect(list.webhooks[0]!.events).toEqual(['lead.created', 'lead.hot'])

    for (const url of ['ftp://example.com/x', 'not a url', '', 'javascript:alert(1)', 'https://user:pw@example.com/']) {
      const result = await post(owner.cookie, { intent: 'create', url, events: 'lead.created' })
      expect(result.status, url).toBe(400)
      expect(Object.keys((result.body as { errors: { fieldErrors: object } }).errors.fieldErrors), url).toEqual(['url'])
    }
    const noEvents = await post(owner.cookie, { intent: 'create', url: 'https://example.com/x' })
    expect(noEvents.status).toBe(400)
    expect((noEvents.body as { errors: { fieldErrors: Record<string, string[]> } }).errors.fieldErrors.events).toEqual(['Choose at least one event'])
    const badEvent = await post(owner.cookie, { intent: 'create', url: 'https://example.com/x', events: 'lead.deleted' })
    expect(Object.keys((badEvent.body as { errors: { fieldErrors: object } }).errors.fieldErrors)).toEqual(['events'])
  })
})
