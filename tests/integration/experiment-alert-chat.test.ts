import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { and, eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { detectExperimentAlerts } from '#app/experiments/alerts.server'
import { deliverDueMail } from '#app/mail/outbox.server'
import { createSmtpTransport } from '#app/mail/transport.server'
import { loader as workspaceGet, action as workspacePatch } from '#app/routes/api.v1.workspace'
import { experiments, mailMessages, workspaces } from '#db/schema'
import { apiKeyCaller, createOwner } from '#tests/factories/accounts'
import { insertPage } from '#tests/factories/lead-rows'
import { startSmtpReceiver } from '#tests/smtp-receiver'

// Experiment alerts to the workspace's chat webhook (decision 088): the setting through PATCH /api/v1/workspace, and
// each event posted once to a real HTTP server standing in for Slack or Teams, by the real mail worker, beside the
// email to the creator (a real SMTP server).

const APP_URL = 'https://app.example.test'
const smtp = await startSmtpReceiver()
const chatPosts: { path: string; contentType: string | undefined; body: string }[] = []
const chat = createServer((req, res) => {
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (chunk: string) => (body += chunk))
  req.on('end', () => {
    chatPosts.push({ path: req.url ?? '', contentType: req.headers['content-type'], body })
    res.writeHead(200).end('ok')
  })
})
await new Promise<void>((resolve) => chat.listen(0, '127.0.0.1', resolve))
const chatUrl = `http://127.0.0.1:${(chat.address() as AddressInfo).port}/hooks/growth`
afterAll(async () => {
  await smtp.stop()
  chat.closeAllConnections()
  await new Promise((resolve) => chat.close(resolve))
})

describe('the workspace’s chat webhook setting', () => {
  test('PATCH /api/v1/workspace takes alerts.chatWebhookUrl (https), shows it in GET, clears it with null, and names what is wrong', async () => {
    const owner = await createOwner()
    const api = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    expect((await api(workspaceGet, '/api/v1/workspace')).body).toMatchObject({ alerts: { chatWebhookUrl: null } })
    const url = 'https://hooks.slack.com/services/T000/B000/XXXX'
    const set = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { alerts: { chatWebhookUrl: url } } })
    expect(set).toMatchObject({ status: 200, body: { alerts: { chatWebhookUrl: url } } })
    expect((await api(workspaceGet, '/api/v1/workspace')).body).toMatchObject({ alerts: { chatWebhookUrl: url } })

    const refusals: [unknown, string, string][] = [
      [{ chatWebhookUrl: 'http://hooks.example.com/x' }, 'alerts.chatWebhookUrl', 'Use an https:// URL'],
      [{ chatWebhookUrl: 'https://user:secret@hooks.example.com/x' }, 'alerts.chatWebhookUrl', 'Leave the user name and password out of the URL: check the signature instead'],
      [{ chatWebhookUrl: url, channel: '#growth' }, 'alerts', 'Unrecognized key: "channel"'],
      ['https://hooks.example.com/x', 'alerts', 'Send alerts as an object: { "chatWebhookUrl": "https://…" | null }'],
    ]
    for (const [alerts, field, message] of refusals) {
      const refused = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { alerts } })
      expect(refused.status, JSON.stringify(alerts)).toBe(400)
      expect(refused.body.errors[field], JSON.stringify(alerts)).toEqual([message])
    }
    expect((await api(workspaceGet, '/api/v1/workspace')).body).toMatchObject({ alerts: { chatWebhookUrl: url } })

    const cleared = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { alerts: { chatWebhookUrl: null } } })
    expect(cleared).toMatchObject({ status: 200, body: { alerts: { chatWebhookUrl: null } } })
  })
})

describe('experiment alerts in chat', () => {
  async function runningExperiment(workspaceId: string, createdBy: string) {
    const page = await insertPage({ workspaceId })
    const [experiment] = await db
      .insert(experiments)
      .values({
        workspaceId,
        pageId: page.id,
        name: 'Pricing headline',
        status: 'running',
        seed: 1,
        variants: [
          { key: 'a', weight: 0.5 },
          { key: 'b', weight: 0.5 },
        ],
        controlKey: 'a',
        primaryMetric: 'any',
        minRuntimeDays: 7,
        startedAt: new Date(Date.now() - 8 * 24 * 3600 * 1000),
        createdBy,
      })
      .returning()
    return experiment!
  }

  const deliver = (workspaceId: string) => deliverDueMail({ workspaceId, transport: createSmtpTransport(smtp.url), appUrl: APP_URL })
  const postsAbout = (experimentId: string) => chatPosts.filter((p) => p.body.includes(experimentId))

  test('each event is posted once to the workspace’s webhook as Slack/Teams JSON, beside the email, however often the detector runs', async () => {
    const owner = await createOwner()
    // The API asks https; the local receiver speaks http, so the test stores it as a saved setting would be.
    await db
      .update(workspaces)
      .set({ alerts: { chatWebhookUrl: chatUrl } })
      .where(eq(workspaces.id, owner.workspaceId))
    const experiment = await runningExperiment(owner.workspaceId, owner.userId)
    const smtpBefore = smtp.received.length

    expect((await detectExperimentAlerts(new Date(), { workspaceId: owner.workspaceId })).map((r) => r.event).sort()).toEqual(['min_runtime', 'no_traffic'])
    await deliver(owner.workspaceId)
    await expect.poll(() => postsAbout(experiment.id).length).toBe(2)

    // Again and again: nothing more is queued or posted.
    expect(await detectExperimentAlerts(new Date(), { workspaceId: owner.workspaceId })).toEqual([])
    await deliver(owner.workspaceId)
    expect(postsAbout(experiment.id)).toHaveLength(2)

    const posts = postsAbout(experiment.id)
    expect(posts.every((p) => p.path === '/hooks/growth' && p.contentType === 'application/json')).toBe(true)
    const texts = posts.map((p) => (JSON.parse(p.body) as { text: string }).text).sort()
    expect(texts).toEqual([
      `Minimum runtime reached: Pricing headline\nThe experiment has run for its minimum runtime: its results can now be read.\nOpen the experiment: ${APP_URL}/experiments/${experiment.id}`,
      `No traffic for 24 hours: Pricing headline\nNo visitor has entered the experiment for 24 hours. Is the page still linked, and is it published?\nOpen the experiment: ${APP_URL}/experiments/${experiment.id}`,
    ])
    // The email to the creator goes too, and the log shows the posts as sent chat messages.
    expect(smtp.received.slice(smtpBefore).filter((m) => m.mail.subject?.endsWith('Pricing headline'))).toHaveLength(2)
    const logged = await db
      .select({ channel: mailMessages.channel, status: mailMessages.status, recipients: mailMessages.recipients })
      .from(mailMessages)
      .where(and(eq(mailMessages.workspaceId, owner.workspaceId), eq(mailMessages.template, 'experiment-alert-chat')))
    expect(logged).toEqual([
      { channel: 'chat', status: 'sent', recipients: [chatUrl] },
      { channel: 'chat', status: 'sent', recipients: [chatUrl] },
    ])
  })

  test('a workspace without a chat webhook alerts by email only', async () => {
    const owner = await createOwner()
    const experiment = await runningExperiment(owner.workspaceId, owner.userId)
    expect(await detectExperimentAlerts(new Date(), { workspaceId: owner.workspaceId })).toHaveLength(2)
    await deliver(owner.workspaceId)
    expect(postsAbout(experiment.id)).toHaveLength(0)
    const queued = await db.select({ template: mailMessages.template }).from(mailMessages).where(eq(mailMessages.workspaceId, owner.workspaceId))
    expect(queued.map((m) => m.template)).toEqual(['experiment-alert', 'experiment-alert'])
  })
})
