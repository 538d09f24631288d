import { describe, expect, test } from 'vitest'
import { action as languageAction } from '#app/routes/account.language'
import * as inviteRoute from '#app/routes/invite.$token'
import * as loginRoute from '#app/routes/login'
import * as signupRoute from '#app/routes/signup'
import { callRoute, createOwner, readResult } from '#tests/factories/accounts'
import { renderRoute, textOf } from '#tests/render-route'

// Each translated screen group in Swedish when the user picked it and when the browser asks for it (sv-SE), and
// in English otherwise, rendered through the real root, layout and route loaders.

const SWEDISH_BROWSER = { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.8' }
const ENGLISH_BROWSER = { 'Accept-Language': 'en-US,en;q=0.9' }
const empty = { default: () => null }

async function pickLanguage(cookie: string, locale: string) {
  return readResult(await callRoute(languageAction as never, '/account/language', { cookie, form: { locale, redirectTo: '/leads?stage=mql' } }))
}

describe('the layout and its menus', () => {
  const renderLayout = (cookie: string, headers: Record<string, string>) => renderRoute({ id: 'routes/_app.empty', path: '/empty', pattern: 'empty', module: empty, cookie, headers, layout: 'shown' })

  test("follow the browser until the user picks a language, then the user's pick", async () => {
    const owner = await createOwner({ name: 'Stina Språk' })
    const english = textOf((await renderLayout(owner.cookie, ENGLISH_BROWSER)).html)
    expect(english).toContain('Dashboard Pages Forms Experiments Leads Settings')
    expect(english).toContain('Log out')
    expect(english).toContain('As the browser (English)')

    const swedish = textOf((await renderLayout(owner.cookie, SWEDISH_BROWSER)).html)
    expect(swedish).toContain('Översikt Sidor Formulär Experiment Leads Inställningar')
    expect(swedish).toContain('Stina Språk · ägare')
    expect(swedish).toContain('Logga ut')
    expect(swedish).toContain('Som webbläsaren (Svenska)')
    expect(swedish).not.toMatch(/Dashboard|Log out|Settings/)

    const picked = await pickLanguage(owner.cookie, 'sv')
    expect(picked.status).toBe(302)
    expect(picked.headers.get('Location')).toBe('/leads?stage=mql')
    const pickedSwedish = textOf((await renderLayout(owner.cookie, ENGLISH_BROWSER)).html)
    expect(pickedSwedish).toContain('Översikt')
    expect(pickedSwedish).toContain('Logga ut')

    await pickLanguage(owner.cookie, 'en')
    expect(textOf((await renderLayout(owner.cookie, SWEDISH_BROWSER)).html)).toContain('Dashboard')
    await pickLanguage(owner.cookie, '')
    expect(textOf((await renderLayout(owner.cookie, SWEDISH_BROWSER)).html)).toContain('Översikt')
  })

  test('an unknown language is a 400 that names the choices, and changes nothing', async () => {
    const owner = await createOwner()
    const refused = await pickLanguage(owner.cookie, 'xx')
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('Choose a language: en, sv, da, or empty to follow the browser')
    expect(textOf((await renderLayout(owner.cookie, ENGLISH_BROWSER)).html)).toContain('Dashboard')
  })
})

describe('login, sign-up and invite', () => {
  const render = (module: typeof loginRoute | typeof signupRoute, path: string, headers: Record<string, string>) =>
    renderRoute({ id: `routes${path.replace('/', '.')}`, path, pattern: path.slice(1), module, headers, layout: 'none' })

  test('follow the browser before anyone is logged in', async () => {
    const login = textOf((await render(loginRoute, '/login', SWEDISH_BROWSER)).html)
    expect(login).toContain('Logga in')
    expect(login).toContain('E-post Lösenord')
    expect(login).toContain('Ny här? Skapa en arbetsyta')
    expect(textOf((await render(loginRoute, '/login', ENGLISH_BROWSER)).html)).toContain('New here? Create a workspace')
    expect(textOf((await render(loginRoute, '/login', {})).html)).toContain('Email Password')

    const signup = textOf((await render(signupRoute, '/signup', SWEDISH_BROWSER)).html)
    expect(signup).toContain('Skapa din arbetsyta')
    expect(signup).toContain('Ditt namn Jobbmejl Lösenord Minst 10 tecken Arbetsytans namn')
    expect(signup).toContain('Har du redan ett konto? Logga in')
    expect(textOf((await render(signupRoute, '/signup', ENGLISH_BROWSER)).html)).toContain('Create your workspace')
  })

  test("an invite that no longer works says so in the reader's language", async () => {
    const render = (headers: Record<string, string>) => renderRoute({ id: 'routes/invite.$token', path: '/invite/nope', pattern: 'invite/:token', module: inviteRoute, headers, layout: 'none' })
    const swedish = await render(SWEDISH_BROWSER)
    expect(swedish.status).toBe(404)
    expect(textOf(swedish.html)).toContain('Sidan finns inte Inbjudningslänken har gått ut, har återkallats eller har redan använts.')
    expect(textOf((await render(ENGLISH_BROWSER)).html)).toContain('This invite link has expired')
  })
})
