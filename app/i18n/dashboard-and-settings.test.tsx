import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, test } from 'vitest'
import { Field } from '#app/components/ui/field'
import swedish from '#app/i18n/catalogues/sv.json'
import { addCatalogue, translatorFor } from '#app/i18n/i18n'
import { LanguageProvider } from '#app/i18n/provider'
import * as dashboard from '#app/routes/_app.dashboard/route'
import * as settingsLayout from '#app/routes/_app.settings'
import * as general from '#app/routes/_app.settings._index'
import * as apiKeys from '#app/routes/_app.settings.api-keys'
import * as email from '#app/routes/_app.settings.email'
import * as leadScoring from '#app/routes/_app.settings.lead-scoring'
import * as members from '#app/routes/_app.settings.members'
import * as security from '#app/routes/_app.settings.security'
import * as spend from '#app/routes/_app.settings.spend'
import * as webhooks from '#app/routes/_app.settings.webhooks'
import * as newWorkspace from '#app/routes/workspaces.new'
import { updateWorkspace } from '#app/workspaces/workspace.server'
import { callRoute, createOwner, readResult } from '#tests/factories/accounts'
import { KPI_PERIOD, seedKpiFixture } from '#tests/factories/kpi-month'
import { elementWith, renderRoute, textOf } from '#tests/render-route'

// The server's catalogues, in hand as language.server.ts makes them at startup.
addCatalogue('sv', swedish)

// The dashboard, every settings tab and workspace creation in Swedish when the browser asks for it (the user's own
// pick works the same way: translated-screens.test.tsx), in English otherwise; amounts in the reader's number format
// and the workspace's currency. Rendered through the real root, layout and route loaders.

const SWEDISH = { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.8' }
const ENGLISH = { 'Accept-Language': 'en-US,en;q=0.9' }
const NBSP = '\u00a0'

type Module = Parameters<typeof renderRoute>[0]['module']
const render = (module: Module, path: string, cookie: string, headers: Record<string, string>) =>
  renderRoute({ id: `routes/_app${path.replaceAll('/', '.')}`, path, pattern: path.slice(1).split('?')[0]!, module, cookie, headers })

describe('the dashboard', () => {
  let owner: Awaited<ReturnType<typeof createOwner>>
  const MARCH = `/dashboard?period=custom&from=${KPI_PERIOD.from}&to=${KPI_PERIOD.to}`

  beforeAll(async () => {
    owner = await createOwner({ name: 'Sara Siffra' })
    const other = await createOwner({ name: 'Someone Else' })
    await seedKpiFixture({ workspaceId: owner.workspaceId, userId: owner.userId, otherWorkspaceId: other.workspaceId, otherUserId: other.userId })
    await updateWorkspace({ workspaceId: owner.workspaceId, changes: { currency: 'SEK' } })
  }, 120_000)

  test("a known month in Swedish: cards, tables and changes in Swedish words, amounts in Swedish format and the workspace's currency", async () => {
    const { status, html } = await render(dashboard, MARCH, owner.cookie, SWEDISH)
    expect(status).toBe(200)
    const text = textOf(html)
    expect(text).toContain('Översikt')
    expect(text).toContain('2026-03-01 till 2026-03-31 (UTC), jämfört med 2026-01-29 till 2026-02-28')
    expect(textOf(elementWith(html, 'data-testid="kpi-visitors"')!)).toMatch(/^Besökare [\d ]+ [▲▼=] (upp|ned|oförändrat)[^·]*· var [\d ]+ [\d ]+ besök · [\d ]+ sidvisningar$/)
    expect(text).toContain('Belopp i svensk krona (SEK), arbetsytans valuta (Inställningar → Allmänt).')
    const spendCard = textOf(elementWith(html, 'data-testid="money-spend"')!)
    expect(spendCard).toMatch(/^Marknadsföringskostnad \(SEK\) \d{1,3}( \d{3})* /)
    // Swedish groups thousands with a no-break space and writes a decimal comma: no "1,234" or "12.5" anywhere.
    expect(elementWith(html, 'data-testid="money-spend"')).toContain(NBSP)
    expect(textOf(elementWith(html, 'data-testid="kpi-visitor-to-lead"')!)).toMatch(/\d+,\d %/)
    for (const english of ['Visitors', 'New leads', 'Bounce rate', 'Money', ' was ', 'Traffic sources', 'Landing pages', 'Apply', 'Last 30 days']) expect(text).not.toContain(english)
  })

  test('the same month in English reads as before', async () => {
    const text = textOf((await render(dashboard, MARCH, owner.cookie, ENGLISH)).html)
    expect(text).toContain('2026-03-01 to 2026-03-31 (UTC), compared with 2026-01-29 to 2026-02-28')
    expect(text).toContain('Amounts in Swedish Krona (SEK)')
    expect(text).not.toContain('Översikt')
  })

  test('a new workspace gets its guide in Swedish', async () => {
    const fresh = await createOwner()
    const { html } = await render(dashboard, '/dashboard', fresh.cookie, SWEDISH)
    const text = textOf(html)
    expect(text).toContain('Inga besökare eller leads än')
    // The step's link holds its words (textOf spaces out element boundaries, so the markup is read here).
    expect(html).toMatch(/<a [^>]*href="\/forms"[^>]*>Skapa ett formulär<\/a>: en demoförfrågan, ett nyhetsbrev eller en nedladdning\./)
    expect(text).toContain('Till sidorna')
  })
})

describe('settings', () => {
  test('the tabs and the general tab, with currency names in Swedish', async () => {
    const owner = await createOwner()
    const tabs = textOf((await render(settingsLayout as Module, '/settings', owner.cookie, SWEDISH)).html)
    expect(tabs).toBe('Inställningar Allmänt Medlemmar API-nycklar Leadpoäng Kostnader Webhooks Aviseringar Mejllogg Säkerhet')
    const swedish = await render(general, '/settings', owner.cookie, SWEDISH)
    expect(textOf(swedish.html)).toContain('Arbetsyta Allt i en arbetsyta')
    expect(textOf(swedish.html)).toContain('Namn Tidszon')
    expect(swedish.html).toContain('<option value="SEK">svensk krona (SEK)</option>')
    expect(textOf(swedish.html)).toContain('Spara')
    const english = await render(general, '/settings', owner.cookie, ENGLISH)
    expect(english.html).toContain('<option value="SEK">Swedish Krona (SEK)</option>')
    expect(textOf(english.html)).toContain('Name Time zone')
  })

  test.each([
    ['/settings/members', members, 'Bjud in en medlem', 'Invite a member'],
    ['/settings/api-keys', apiKeys, 'Nycklar i den här arbetsytan Inga nycklar än.', 'Keys in this workspace No keys yet.'],
    ['/settings/lead-scoring', leadScoring, 'Poäng per hård konvertering', 'Points per hard conversion'],
    ['/settings/webhooks', webhooks, 'Mottagare Inga webhooks än.', 'Endpoints No webhooks yet.'],
    ['/settings/email', email, 'Skicka ett testmejl till mig', 'Send a test email to me'],
    ['/settings/security', security, 'Upprepa det nya lösenordet Byt lösenord', 'Repeat the new password Change password'],
  ] as [string, Module, string, string][])('%s in Swedish and in English', async (path, module, swedish, english) => {
    const owner = await createOwner()
    const sv = await render(module, path, owner.cookie, SWEDISH)
    expect(sv.status).toBe(200)
    expect(textOf(sv.html)).toContain(swedish)
    expect(textOf(sv.html)).not.toMatch(/\b(Save|Revoke|Delete|Viewers)\b/)
    expect(textOf((await render(module, path, owner.cookie, ENGLISH)).html)).toContain(english)
  })

  test("spend: the months entered in Swedish number format under the workspace's currency, and its validation in Swedish", async () => {
    const owner = await createOwner()
    await updateWorkspace({ workspaceId: owner.workspaceId, changes: { currency: 'SEK' } })
    const form = { month: '2026-04', spend_paid_search: '12 500,50', spend_email: '300' }
    expect((await readResult(await callRoute(spend.action as never, '/settings/spend', { cookie: owner.cookie, form }))).status).toBe(200)
    const { html } = await render(spend, '/settings/spend?month=2026-04', owner.cookie, SWEDISH)
    const text = textOf(html)
    expect(text).toContain('Vad ni har lagt per månad på varje trafikkälla, i svensk krona (SEK).')
    expect(text).toContain('Månad Betald sökning Organisk sökning Sociala medier E-post Hänvisning Direkt Totalt (SEK)')
    expect(html).toContain(`12${NBSP}500,5`)
    expect(html).toContain(`12${NBSP}800,5`)
    expect(text).toContain('Betald sökning (SEK)')
    expect(text).toContain('Spara 2026-04')

    // The action answers in English (as the API does); the screen shows its message in the reader's language.
    const refused = await readResult(await callRoute(spend.action as never, '/settings/spend', { cookie: owner.cookie, form: { month: '2026-04', spend_email: '1.234' } }))
    expect(JSON.stringify(refused.body)).toContain('Use at most 2 decimals')
    const field = renderToStaticMarkup(
      <LanguageProvider data={{ language: 'sv' }}>
        <Field label="E-post (SEK)" error="Use at most 2 decimals" />
      </LanguageProvider>,
    )
    expect(textOf(field)).toBe('E-post (SEK) Använd högst 2 decimaler')
  })
})

describe('a new workspace', () => {
  test('is offered in Swedish, and takes the time zone and currency the browser sends', async () => {
    const owner = await createOwner()
    const page = await renderRoute({ id: 'routes/workspaces.new', path: '/workspaces/new', pattern: 'workspaces/new', module: newWorkspace, cookie: owner.cookie, headers: SWEDISH, layout: 'none' })
    expect(textOf(page.html)).toBe('Splitform Skapa en arbetsyta Arbetsytans namn Skapa arbetsyta En arbetsyta har egna sidor, formulär, experiment och leads.')

    const created = await callRoute(newWorkspace.action as never, '/workspaces/new', { cookie: owner.cookie, form: { name: 'Nordbolaget', timeZone: 'Europe/Stockholm', locale: 'sv-SE' } })
    expect((created as Response).headers.get('Location')).toBe('/dashboard')
    const settings = await render(general, '/settings', owner.cookie, SWEDISH)
    expect(settings.html).toMatch(/<option value="Europe\/Stockholm" selected="">/)
    expect(settings.html).toMatch(/<option value="SEK" selected="">/)

    const refused = await readResult(await callRoute(newWorkspace.action as never, '/workspaces/new', { cookie: owner.cookie, form: { name: '' } }))
    expect(refused.status).toBe(400)
  })
})

test('Swedish plurals: none, one and many, sentence by sentence', () => {
  const t = translatorFor('sv').t
  expect([0, 1, 3].map((count) => t('settings.security.passwordChanged', { count }))).toEqual([
    'Lösenordet är bytt. Inga andra sessioner var öppna.',
    'Lösenordet är bytt. 1 annan session har loggats ut.',
    'Lösenordet är bytt. 3 andra sessioner har loggats ut.',
  ])
  expect([1, 2].map((count) => t('dashboard.landingPages.notConverting', { count }))).toEqual(['1 sida får trafik men inga konverteringar:', '2 sidor får trafik men inga konverteringar:'])
  expect(t('settings.members.activeKeys', { count: 1 })).toBe('Har skapat 1 aktiv API-nyckel. Tar du bort personen eller gör hen till läsare återkallas den.')
})
