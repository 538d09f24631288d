import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { getUser } from '#app/auth/session.server'
import { action as loginAction, loader as loginLoader } from '#app/routes/login'
import { action as logoutAction } from '#app/routes/logout'
import { action as signupAction } from '#app/routes/signup'
import { loader as dashboardLoader } from '#app/routes/_app'
import { buildRequest, callRoute, readResult } from '#tests/factories/accounts'

const uniqueEmail = () => `person-${randomUUID()}@Example.com`
const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`

describe('sign up, log in, log out', () => {
  test('signing up creates a workspace and logs the new owner in', async () => {
    const email = uniqueEmail()
    const result = await readResult(await callRoute(signupAction, '/signup', { form: { name: 'Ada', email, password: 'long enough pw', workspaceName: 'Ada Co' }, ip: uniqueIp() }))
    expect(result.status).toBe(302)
    // Through the login page's cookie check (app/auth/cookie-check.ts) on to the dashboard.
    expect(result.headers.get('Location')).toBe('/login?check=1&redirectTo=%2Fdashboard')
    const cookie = result.headers.get('Set-Cookie')!.split(';')[0]!
    expect(result.headers.get('Set-Cookie')).toMatch(/HttpOnly/i)
    expect(result.headers.get('Set-Cookie')).toMatch(/SameSite=Lax/i)
    const shell = (await dashboardLoader({ request: buildRequest('/dashboard', { cookie }), params: {}, context: { clientIp: 'x' } })) as {
      workspace: { name: string }
      role: string
      user: { email: string }
    }
    expect(shell.workspace.name).toBe('Ada Co')
    expect(shell.role).toBe('owner')
    expect(shell.user.email).toBe(email.toLowerCase())
  })

  test('field-level 400s for bad input, never a 500', async () => {
    const result = await readResult(await callRoute(signupAction, '/signup', { form: { name: '', email: 'nope', password: 'short' }, ip: uniqueIp() }))
    expect(result.status).toBe(400)
    const { fieldErrors } = (result.body as { errors: { fieldErrors: Record<string, string[]> } }).errors
    expect(fieldErrors.name?.[0]).toMatch(/required/i)
    expect(fieldErrors.email?.[0]).toMatch(/valid email/i)
    expect(fieldErrors.password?.[0]).toMatch(/at least 10/i)

    const notAForm = await readResult(
      await signupAction({
        request: new Request('http://app.test/signup', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"x":1}' }),
        params: {},
        context: { clientIp: uniqueIp() },
      }).catch((e: unknown) => e),
    )
    expect(notAForm.status).toBe(400)
  })

  test('an email can hold only one account, whatever its case', async () => {
    const email = uniqueEmail()
    const form = { name: 'A', email, password: 'long enough pw', workspaceName: 'W' }
    expect((await readResult(await callRoute(signupAction, '/signup', { form, ip: uniqueIp() }))).status).toBe(302)
    const again = await readResult(await callRoute(signupAction, '/signup', { form: { ...form, email: email.toUpperCase() }, ip: uniqueIp() }))
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.body)).toMatch(/already exists/)
  })

  test('login gives a new session id every time; logout ends the session', async () => {
    const email = uniqueEmail()
    await callRoute(signupAction, '/signup', { form: { name: 'B', email, password: 'long enough pw', workspaceName: 'W' }, ip: uniqueIp() })
    const login = async () => readResult(await callRoute(loginAction, '/login', { form: { email, password: 'long enough pw', redirectTo: '/settings' }, ip: uniqueIp() }))
    const first = await login()
    const second = await login()
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe('/login?check=1&redirectTo=%2Fsettings')
    const cookieA = first.headers.get('Set-Cookie')!.split(';')[0]!
    const cookieB = second.headers.get('Set-Cookie')!.split(';')[0]!
    expect(cookieA).not.toBe(cookieB)

    const out = await readResult(await callRoute(logoutAction, '/logout', { form: {}, cookie: cookieA }))
    expect(out.status).toBe(302)
    expect(await getUser(buildRequest('/', { cookie: cookieA }))).toBeNull()
    expect(await getUser(buildRequest('/', { cookie: cookieB }))).not.toBeNull()
  })

  test('wrong password and unknown email get the same answer', async () => {
    const email = uniqueEmail()
    await callRoute(signupAction, '/signup', { form: { name: 'C', email, password: 'long enough pw', workspaceName: 'W' }, ip: uniqueIp() })
    const wrong = await readResult(await callRoute(loginAction, '/login', { form: { email, password: 'wrong password' }, ip: uniqueIp() }))
    const unknown = await readResult(await callRoute(loginAction, '/login', { form: { email: uniqueEmail(), password: 'whatever1234' }, ip: uniqueIp() }))
    expect(wrong.status).toBe(400)
    expect(wrong.body).toEqual(unknown.body)
  })

  test('redirects after login stay on this site: hostile targets are ignored, never a 500', async () => {
    const email = uniqueEmail()
    await callRoute(signupAction, '/signup', { form: { name: 'D', email, password: 'long enough pw', workspaceName: 'W' }, ip: uniqueIp() })
    for (const redirectTo of ['//evil.test/x', '/\t/evil.example/', '/\\evil.example', '/a\r\nSet-Cookie: x=1', '/a\u2028b', 'x'.repeat(5000)]) {
      const result = await readResult(await callRoute(loginAction, '/login', { form: { email, password: 'long enough pw', redirectTo }, ip: uniqueIp() }))
      expect(result.status, JSON.stringify(redirectTo)).toBe(302)
      expect(result.headers.get('Location')).toBe('/login?check=1&redirectTo=%2Fdashboard')
      // The check step reads redirectTo again: it must not be a way round the first check.
      const cookie = result.headers.get('Set-Cookie')!.split(';')[0]!
      const onward = await readResult(await callRoute(loginLoader, `/login?${new URLSearchParams({ check: '1', redirectTo })}`, { cookie }))
      expect(onward.status).toBe(302)
      expect(onward.headers.get('Location')).toBe('/dashboard')
    }
  })

  test('a cross-site login post is refused', async () => {
    const result = await readResult(await callRoute(loginAction, '/login', { form: { email: uniqueEmail(), password: 'x' }, headers: { Origin: 'https://evil.test' } }))
    expect(result.status).toBe(403)
  })
})

describe('throttling', () => {
  test('sign-up is limited per IP', async () => {
    const ip = uniqueIp()
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) {
      const form = { name: 'E', email: uniqueEmail(), password: 'short', workspaceName: 'W' }
      // Invalid bodies are rejected before counting; use valid ones for the limit to bite.
      form.password = 'long enough pw'
      statuses.push((await readResult(await callRoute(signupAction, '/signup', { form, ip }))).status)
    }
    expect(statuses.slice(0, 10).every((s) => s === 302)).toBe(true)
    expect(statuses[10]).toBe(429)
  })
})
