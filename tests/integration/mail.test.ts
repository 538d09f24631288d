import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { createMailWorker, deliverDueMail, enqueueMail, mailQueued } from '#app/mail/outbox.server'
import { listTemplates, previewMail } from '#app/mail/templates.server'
import { createLogTransport, createSmtpTransport } from '#app/mail/transport.server'
import { action, loader } from '#app/routes/_app.settings.email'
import * as emailLogRoute from '#app/routes/_app.settings.email'
import { MAX_ATTEMPTS } from '#app/webhooks/retry'
import { mailMessages } from '#db/schema'
import { callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'
import { renderRoute, textOf } from '#tests/render-route'
import { startSmtpReceiver } from '#tests/smtp-receiver'

// The mail layer against a real SMTP server (smtp-server on a loopback port) and the real database.

const smtp = await startSmtpReceiver()
afterAll(() => smtp.stop())
const APP_URL = 'https://app.example.test'

const testData = { requestedBy: 'Tess Tester', workspaceName: 'Acme' }
const messagesOf = (workspaceId: string) => db.select().from(mailMessages).where(eq(mailMessages.workspaceId, workspaceId))

describe('enqueueMail', () => {
  test('a message is queued only if the surrounding transaction commits; a dedupe key queues it once', async () => {
    const owner = await createOwner()
    const queue = (dedupeKey?: string) => enqueueMail(db, { workspaceId: owner.workspaceId, to: ['a@example.com'], template: 'test-message', data: testData, kind: 'test', dedupeKey })
    await expect(
      db.transaction(async (tx) => {
        await enqueueMail(tx, { workspaceId: owner.workspaceId, to: ['a@example.com'], template: 'test-message', data: testData, kind: 'test' })
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await messagesOf(owner.workspaceId)).toHaveLength(0)
    const key = `test:${owner.workspaceId}`
    expect(await queue(key)).toMatch(/^[0-9a-f-]{36}$/)
    expect(await queue(key)).toBeNull()
    expect(await messagesOf(owner.workspaceId)).toHaveLength(1)
  })

  test('data that does not fit the template is refused at enqueue', async () => {
    const owner = await createOwner()
    // @ts-expect-error: the wrong data on purpose
    await expect(enqueueMail(db, { workspaceId: owner.workspaceId, to: ['a@example.com'], template: 'test-message', data: { requestedBy: 3 }, kind: 'test' })).rejects.toThrow()
  })
})

describe('delivery', () => {
  test('over SMTP: the rendered HTML and plain-text parts arrive, and the attempt is logged', async () => {
    const owner = await createOwner()
    await enqueueMail(db, { workspaceId: owner.workspaceId, to: ['dana@example.com'], template: 'test-message', data: testData, kind: 'test' })
    const before = smtp.received.length
    const counts = await deliverDueMail({ workspaceId: owner.workspaceId, transport: createSmtpTransport(smtp.url), from: 'Splitform <mail@example.test>', appUrl: APP_URL })
    expect(counts).toMatchObject({ claimed: 1, sent: 1 })
    const [received] = smtp.received.slice(before)
    expect(received!.envelopeTo).toEqual(['dana@example.com'])
    expect(received!.mail.subject).toBe('Splitform test email for Acme')
    expect(received!.mail.from?.value).toEqual([{ name: 'Splitform', address: 'mail@example.test' }])
    expect(received!.mail.text).toContain('Tess Tester sent this test')
    expect(received!.mail.text).toContain(`${APP_URL}/settings/email`)
    expect(received!.mail.html).toContain('max-width:600px')
    const [row] = await messagesOf(owner.workspaceId)
    expect(row).toMatchObject({ status: 'sent', attempts: 1, subject: 'Splitform test email for Acme' })
    expect(row!.attemptLog).toEqual([expect.objectContaining({ ok: true, transport: 'smtp' })])
  })

  test('mail server down: retried from 30 s on, backing off, every attempt logged, and delivered once it is back', async () => {
    const owner = await createOwner()
    const down = await startSmtpReceiver()
    await down.stop()
    const transport = createSmtpTransport(down.url, { timeoutMs: 2000 })
    await enqueueMail(db, { workspaceId: owner.workspaceId, to: ['back@example.com'], template: 'test-message', data: testData, kind: 'test' })
    const t0 = new Date()
    const options = { workspaceId: owner.workspaceId, transport, appUrl: APP_URL, random: () => 0 }
    expect(await deliverDueMail({ ...options, now: t0 })).toMatchObject({ retrying: 1 })
    let [row] = await messagesOf(owner.workspaceId)
    expect(row!.nextAttemptAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(30_000)
    expect(row!.nextAttemptAt.getTime() - t0.getTime()).toBeLessThan(31_000)
    expect(await deliverDueMail({ ...options, now: new Date(t0.getTime() + 29_000) })).toMatchObject({ claimed: 0 })
    expect(await deliverDueMail({ ...options, now: new Date(t0.getTime() + 31_000) })).toMatchObject({ retrying: 1 })
    ;[row] = await messagesOf(owner.workspaceId)
    expect(row!.nextAttemptAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(31_000 + 60_000) // backed off: 1 min
    await down.start()
    try {
      expect(await deliverDueMail({ ...options, now: new Date(t0.getTime() + 100_000) })).toMatchObject({ sent: 1 })
      expect(down.received.map((r) => r.envelopeTo)).toEqual([['back@example.com']])
    } finally {
      await down.stop()
    }
    ;[row] = await messagesOf(owner.workspaceId)
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null })
    expect(row!.attemptLog.map((a) => a.ok)).toEqual([false, false, true])
    expect(row!.attemptLog[0]!.error).toMatch(/ECONNREFUSED/)
    expect(MAX_ATTEMPTS).toBe(14) // the webhooks' schedule, shared
  })

  test('the embedded default (no SMTP): kept as sent by the log transport, nothing leaves', async () => {
    const owner = await createOwner()
    await enqueueMail(db, { workspaceId: owner.workspaceId, to: ['kept@example.com'], template: 'test-message', data: testData, kind: 'test' })
    const before = smtp.received.length
    expect(await deliverDueMail({ workspaceId: owner.workspaceId, transport: createLogTransport({ print: false }), appUrl: APP_URL })).toMatchObject({ sent: 1 })
    expect(smtp.received.length).toBe(before)
    const [row] = await messagesOf(owner.workspaceId)
    expect(row).toMatchObject({ status: 'sent' })
    expect(row!.attemptLog).toEqual([expect.objectContaining({ ok: true, transport: 'log' })])
  })

  test('the worker is woken by mailQueued: the message goes out without waiting for its poll', async () => {
    const owner = await createOwner()
    const worker = createMailWorker({ everyMs: 60_000, workspaceId: owner.workspaceId, transport: createSmtpTransport(smtp.url), appUrl: APP_URL })
    worker.start()
    try {
      const before = smtp.received.length
      await enqueueMail(db, { workspaceId: owner.workspaceId, to: ['woken@example.com'], template: 'test-message', data: testData, kind: 'test' })
      const queuedAt = Date.now()
      mailQueued()
      const received = await smtp.waitForMessages(before + 1, 5000)
      expect(received.at(-1)!.envelopeTo).toEqual(['woken@example.com'])
      expect(received.at(-1)!.at - queuedAt).toBeLessThan(5000)
    } finally {
      await worker.stop()
    }
  })
})

describe('templates', () => {
  test('every template previews with its sample data: a subject and a plain-text part, HTML for email', async () => {
    expect(listTemplates().length).toBeGreaterThan(0)
    for (const { name, channel } of listTemplates()) {
      const preview = await previewMail(name, { appUrl: APP_URL, locale: 'en' })
      expect(preview!.subject.length, name).toBeGreaterThan(0)
      expect(preview!.text.length, name).toBeGreaterThan(0)
      if (channel === 'email') expect(preview!.html, name).toMatch(/^<!DOCTYPE html/)
    }
    expect(await previewMail('no-such-template', { appUrl: APP_URL, locale: 'en' })).toBeNull()
  })
})

describe('Settings → Email log', () => {
  test('owners see each message with its text and attempts; others are refused; other workspaces are not found', async () => {
    const owner = await createOwner({ name: 'Mia Mailer' })
    const queued = await callRoute(action, '/settings/email', { cookie: owner.cookie, form: { intent: 'test' } }).then(readResult)
    expect(queued).toMatchObject({ status: 200, body: { tested: owner.email } })
    await deliverDueMail({ workspaceId: owner.workspaceId, transport: createLogTransport({ print: false }), appUrl: APP_URL })
    const [row] = await messagesOf(owner.workspaceId)

    const list = await renderRoute({ id: 'routes/_app.settings.email', path: '/settings/email', pattern: 'settings/email', module: emailLogRoute, cookie: owner.cookie })
    expect(list.status).toBe(200)
    const text = textOf(list.html)
    expect(text).toContain("Splitform test email for Mia Mailer's workspace")
    expect(text).toContain(owner.email)
    expect(text).toContain('kept here (not sent)')

    const opened = await renderRoute({ id: 'routes/_app.settings.email', path: `/settings/email?message=${row!.id}`, pattern: 'settings/email', module: emailLogRoute, cookie: owner.cookie })
    expect(textOf(opened.html)).toContain('Mia Mailer sent this test from the email log')
    expect(opened.html).toContain('srcDoc=') // the HTML part, sandboxed
    expect(opened.html).toMatch(/log · ok/)

    const editor = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })
    expect(await callRoute(loader, '/settings/email', { cookie: editor.cookie })).toMatchObject({ status: 403 })
    const stranger = await createOwner()
    expect(await callRoute(loader, `/settings/email?message=${row!.id}`, { cookie: stranger.cookie })).toMatchObject({ status: 404 })
    expect(await callRoute(action, '/settings/email', { cookie: stranger.cookie, form: { intent: 'retry', id: row!.id } })).toMatchObject({ status: 404 })
    expect(await callRoute(action, '/settings/email', { cookie: owner.cookie, form: { intent: 'retry', id: 'nope' } }).then(readResult)).toMatchObject({ status: 400 })
  })

  test('each template opens in the preview; an unknown one is a 404', async () => {
    const owner = await createOwner()
    const page = await renderRoute({ id: 'routes/_app.settings.email', path: '/settings/email?template=test-message', pattern: 'settings/email', module: emailLogRoute, cookie: owner.cookie })
    expect(textOf(page.html)).toContain('Preview: test-message')
    expect(textOf(page.html)).toContain('Dana Demo sent this test')
    expect(await callRoute(loader, '/settings/email?template=nope', { cookie: owner.cookie })).toMatchObject({ status: 404 })
  })
})
