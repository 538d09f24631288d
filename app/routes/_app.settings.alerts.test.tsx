import { describe, expect, test } from 'vitest'
import { callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'
import { renderRoute, textOf } from '#tests/render-route'
import * as route from './_app.settings.alerts'

// Settings → Alerts: the workspace's chat webhook for experiment alerts, through the real loaders, action and
// member checks, in the reader's language.

const render = (cookie: string, headers: Record<string, string> = {}) =>
  renderRoute({ id: 'routes/_app.settings.alerts', path: '/settings/alerts', pattern: 'settings/alerts', module: route, cookie, headers })
const save = (cookie: string, chatWebhookUrl: string) => callRoute(route.action as never, '/settings/alerts', { cookie, form: { chatWebhookUrl } })

describe('Settings → Alerts', () => {
  test('an owner saves a Slack webhook, sees it again, and clears it with an empty field', async () => {
    const owner = await createOwner()
    const url = 'https://hooks.slack.com/services/T000/B000/XXXX'
    expect(await readResult(await save(owner.cookie, url))).toMatchObject({ status: 200, body: { saved: true } })
    const { status, html } = await render(owner.cookie)
    expect(status).toBe(200)
    expect(html).toContain(`value="${url}"`)
    expect(textOf(html)).toContain('Experiment alerts')
    await save(owner.cookie, '')
    expect((await render(owner.cookie)).html).toContain('value=""')
  })

  test('a URL that is not https is a 400 naming the field; a viewer sees the setting but cannot change it', async () => {
    const owner = await createOwner()
    const refused = await readResult(await save(owner.cookie, 'http://hooks.example.com/x'))
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({ errors: { fieldErrors: { chatWebhookUrl: ['Use an https:// URL'] } } })
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    expect((await readResult(await save(viewer.cookie, 'https://hooks.slack.com/services/T/B/y'))).status).toBe(403)
    expect(textOf((await render(viewer.cookie)).html)).toContain('Only owners can change these settings.')
  })

  test('speaks Swedish to a Swedish browser', async () => {
    const owner = await createOwner()
    const text = textOf((await render(owner.cookie, { 'Accept-Language': 'sv-SE,sv;q=0.9' })).html)
    expect(text).toContain('Experimentaviseringar')
    expect(text).toContain('Webhook-URL för chatt')
    expect(text).toContain('Spara')
    expect(text).not.toContain('Experiment alerts')
  })
})
