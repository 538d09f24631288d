import { and, eq, isNull } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { ANSWER_FLOOR_MS } from '#app/auth/password-reset.server'
import { PASSWORD_RESET_LIMITS } from '#app/auth/throttle.server'
import { db } from '#app/db.server'
import { getEnv } from '#app/env.server'
import { deliverDueMail } from '#app/mail/outbox.server'
import { listTemplates, previewMail } from '#app/mail/templates.server'
import { createSmtpTransport } from '#app/mail/transport.server'
import { loader as dashboardLayoutLoader } from '#app/routes/_app'
import { action as membersAction } from '#app/routes/_app.settings.members'
import { action as forgotAction } from '#app/routes/forgot-password'
import { action as resetAction, loader as resetLoader } from '#app/routes/reset-password.$token'
import { action as signupAction } from '#app/routes/signup'
import { action as resendAction } from '#app/routes/verify-email'
import { loader as verifyLinkLoader } from '#app/routes/verify-email.$token'
import { mailMessages, users } from '#db/schema'
import { callRoute, createOwner, readResult } from '#tests/factories/accounts'
import { startSmtpReceiver } from '#tests/smtp-receiver'

// Account mail through the routes, on the test database, delivered to a real SMTP server on loopback.

const smtp = await startSmtpReceiver()
afterAll(() => smtp.stop())
const APP_URL = 'https://app.example.test'
const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${crypto.randomUUID().slice(0, 8)}`

const accountMailTo = (email: string) =>
  db
    .select()
    .from(mailMessages)
    .where(and(isNull(mailMessages.workspaceId), eq(mailMessages.kind, 'account')))
    .then((rows) => rows.filter((r) => r.recipients.includes(email)))

/** Delivers the pending mail of no workspace to the SMTP server and returns what arrived for `email`. */
async function deliverTo(email: string, { workspaceId }: { workspaceId?: string } = {}) {
  await deliverDueMail({ transport: createSmtpTransport(smtp.url), appUrl: APP_URL, workspaceId, limit: 100 })
  return smtp.received.filter((m) => m.envelopeTo.includes(email))
}

const linkIn = (text: string, path: string) => text.match(new RegExp(`${APP_URL}/${path}/([A-Za-z0-9_-]+)`))?.[1]

async function forgot(email: string, ip = uniqueIp()) {
  const started = performance.now()
  const result = await readResult(await callRoute(forgotAction, '/forgot-password', { form: { email }, ip }))
  return { ...result, ms: performance.now() - started }
}

describe('password reset', () => {
  test('/forgot-password answers the same for a known and an unknown address, no faster; only the known one gets a mail', async () => {
    const owner = await createOwner()
    const unknown = `nobody-${crypto.randomUUID()}@example.com`
    const known = await forgot(owner.email)
    const stranger = await forgot(unknown)
    expect(known.status).toBe(200)
    expect(stranger.status).toBe(200)
    expect(known.body).toEqual({ sentTo: owner.email })
    expect(stranger.body).toEqual({ sentTo: unknown })
    expect(known.ms).toBeGreaterThanOrEqual(ANSWER_FLOOR_MS - 5)
    expect(stranger.ms).toBeGreaterThanOrEqual(ANSWER_FLOOR_MS - 5)
    expect(await accountMailTo(unknown)).toHaveLength(0)
    const [queued] = await accountMailTo(owner.email)
    expect(queued).toMatchObject({ template: 'password-reset', workspaceId: null })

    const [received] = await deliverTo(owner.email)
    expect(received!.mail.subject).toBe('Reset your Splitform password')
    expect(received!.mail.html).toContain(`${APP_URL}/reset-password/`)
    const token = linkIn(received!.mail.text!, 'reset-password')
    expect(token).toBeTruthy()

    // The link: a short password is refused with the sign-up rule, a good one resets and sends to log in.
    expect((await readResult(await callRoute(resetLoader, `/reset-password/${token}`, { params: { token: token! } }))).status).toBe(200)
    const short = await readResult(await callRoute(resetAction, `/reset-password/${token}`, { params: { token: token! }, form: { newPassword: 'short', confirmPassword: 'short' } }))
    expect(short.status).toBe(400)
    expect(JSON.stringify(short.body)).toContain('Use at least 10 characters')
    const form = { newPassword: 'a fresh password', confirmPassword: 'a fresh password' }
    const done = await readResult(await callRoute(resetAction, `/reset-password/${token}`, { params: { token: token! }, form, cookie: owner.cookie }))
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe('/login?reset=1')
    // The session it was used from is over too.
    expect((await readResult(await callRoute(dashboardLayoutLoader, '/dashboard', { cookie: owner.cookie }))).headers.get('Location')).toMatch(/^\/login/)
    // Used: a clear page (410), never a 500; posting again changes nothing.
    const again = await readResult(await callRoute(resetAction, `/reset-password/${token}`, { params: { token: token! }, form }))
    expect(again).toMatchObject({ status: 410, body: { state: 'used' } })
  })

  test('an unknown reset link is a 404 page saying so; a malformed address is a 400 naming it', async () => {
    expect(await readResult(await callRoute(resetLoader, '/reset-password/not-a-token', { params: { token: 'not-a-token' } }))).toMatchObject({ status: 404, body: { state: 'unknown' } })
    const bad = await forgot('not an address')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('Enter a valid email address')
  })

  test('requests are rate-limited per address, known or not, with the same 429', async () => {
    const owner = await createOwner()
    const unknown = `nobody-${crypto.randomUUID()}@example.com`
    for (const email of [owner.email, unknown]) {
      for (let i = 0; i < PASSWORD_RESET_LIMITS.perAccount.limit; i++) expect((await forgot(email)).status).toBe(200)
    }
    const [a, b] = [await forgot(owner.email), await forgot(unknown)]
    expect([a.status, b.status]).toEqual([429, 429])
    expect(JSON.stringify(a.body)).toBe(JSON.stringify(b.body))
    expect(await accountMailTo(owner.email)).toHaveLength(PASSWORD_RESET_LIMITS.perAccount.limit)
  })
})

describe('invitations by email', () => {
  test('an invite with an address mails the same link the owner can copy, built on APP_URL; without an address nothing is mailed', async () => {
    const owner = await createOwner({ name: 'Ida Inviter' })
    const invitee = `invitee-${crypto.randomUUID()}@example.com`
    const result = await readResult(await callRoute(membersAction, '/settings/members', { form: { intent: 'invite', email: invitee, role: 'viewer' }, cookie: owner.cookie }))
    const body = result.body as { inviteUrl: string; mailedTo: string | null }
    expect(body.mailedTo).toBe(invitee)
    const token = body.inviteUrl.split('/invite/')[1]
    const [received] = await deliverTo(invitee, { workspaceId: owner.workspaceId })
    expect(received!.mail.subject).toBe("Ida Inviter invites you to Ida Inviter's workspace on Splitform")
    expect(linkIn(received!.mail.text!, 'invite')).toBe(token)

    const linkOnly = await readResult(await callRoute(membersAction, '/settings/members', { form: { intent: 'invite', email: '', role: 'viewer' }, cookie: owner.cookie }))
    expect((linkOnly.body as { mailedTo: string | null }).mailedTo).toBeNull()
    expect(await db.select().from(mailMessages).where(eq(mailMessages.workspaceId, owner.workspaceId))).toHaveLength(1)
  })
})

describe('email verification', () => {
  async function signUp(email: string) {
    const form = { name: 'Vera', email, password: 'a-long-password', workspaceName: 'Vera Inc' }
    const result = await readResult(await callRoute(signupAction, '/signup', { form, ip: uniqueIp() }))
    expect(result.status).toBe(302)
    return result.headers
      .getSetCookie()
      .find((c) => c.startsWith('sf_session='))!
      .split(';')[0]!
  }
  const dashboard = async (cookie: string) => readResult(await callRoute(dashboardLayoutLoader, '/dashboard', { cookie }))

  test('off (the default): no mail, and a new account goes straight in', async () => {
    expect(getEnv().REQUIRE_EMAIL_VERIFICATION).toBe('off')
    const email = `vera-${crypto.randomUUID()}@example.com`
    const cookie = await signUp(email)
    expect((await dashboard(cookie)).status).toBe(200)
    expect(await accountMailTo(email)).toHaveLength(0)
  })

  test('on: a verification mail, no app until its link is opened, a resend button, and the link works once', async () => {
    const env = getEnv()
    env.REQUIRE_EMAIL_VERIFICATION = 'on'
    try {
      const email = `vera-${crypto.randomUUID()}@example.com`
      const cookie = await signUp(email)
      const blocked = await dashboard(cookie)
      expect(blocked.status).toBe(302)
      expect(blocked.headers.get('Location')).toBe('/verify-email')
      expect((await readResult(await callRoute(resendAction, '/verify-email', { form: {}, cookie }))).body).toEqual({ resent: true })
      const received = await deliverTo(email)
      expect(received).toHaveLength(2)
      expect(received[0]!.mail.subject).toBe('Confirm your email address for Splitform')
      const token = linkIn(received[0]!.mail.text!, 'verify-email')!
      const opened = await readResult(await callRoute(verifyLinkLoader, `/verify-email/${token}`, { params: { token }, cookie }))
      expect(opened.headers.get('Location')).toBe('/dashboard')
      expect((await dashboard(cookie)).status).toBe(200)
      const [user] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.email, email))
      expect(user!.at).toBeInstanceOf(Date)
      expect(await readResult(await callRoute(verifyLinkLoader, `/verify-email/${token}`, { params: { token } }))).toMatchObject({ status: 410 })
    } finally {
      env.REQUIRE_EMAIL_VERIFICATION = 'off'
    }
  })
})

test('the account templates are listed for preview and render HTML and plain text with their link', async () => {
  const names = listTemplates().map((t) => t.name)
  expect(names).toEqual(expect.arrayContaining(['password-reset', 'email-verification', 'workspace-invite']))
  for (const [name, path] of [
    ['password-reset', 'reset-password'],
    ['email-verification', 'verify-email'],
    ['workspace-invite', 'invite'],
  ] as const) {
    const preview = await previewMail(name, { appUrl: APP_URL, locale: 'en' })
    expect(preview!.html).toContain(`${APP_URL}/${path}/sample-token-for-the-preview`)
    expect(preview!.text).toContain(`${APP_URL}/${path}/sample-token-for-the-preview`)
  }
})
