import { beforeAll, describe, expect, test } from 'vitest'
import danish from '#app/i18n/catalogues/da.json'
import { addCatalogue, translatorFor } from '#app/i18n/i18n'
import { action as languageAction } from '#app/routes/account.language'
import * as dashboard from '#app/routes/_app.dashboard/route'
import * as listRoute from '#app/routes/_app.experiments._index'
import * as resultsRoute from '#app/routes/_app.experiments.$id/route'
import { updateWorkspace } from '#app/workspaces/workspace.server'
import { findAdminEnglish } from '#tests/admin-english-scan'
import { callRoute, createOwner, readResult } from '#tests/factories/accounts'
import { seedRunningExperiment } from '#tests/factories/experiments'
import { KPI_PERIOD, seedKpiFixture } from '#tests/factories/kpi-month'
import { elementWith, renderRoute, textOf as readText } from '#tests/render-route'

// Issue 18, Danish: the admin's third language. A Danish browser (da-DK) and a user who picked Danish against an
// English browser both get the dashboard and an experiment's results in Danish, through the real root, layout and
// loaders: Danish words, the statistics' sentences in Danish, Danish numbers (12.345, 12,5 %), and no string of the
// English catalogue anywhere on the screen (tests/english-scan.ts).

addCatalogue('da', danish)

const DANISH_BROWSER = { 'Accept-Language': 'da-DK,da;q=0.9,en;q=0.8' }
const ENGLISH_BROWSER = { 'Accept-Language': 'en-US,en;q=0.9' }
// The rendered text with no-break spaces ("12 %") read as spaces.
const textOf = (html: string) => readText(html).replace(/\u00a0/g, ' ')

type Module = Parameters<typeof renderRoute>[0]['module']
const render = (module: Module, id: string, path: string, pattern: string, cookie: string, headers: Record<string, string>) =>
  renderRoute({ id, path, pattern, module, cookie, headers, layout: 'shown' })

async function pickDanish(cookie: string) {
  const picked = await readResult(await callRoute(languageAction as never, '/account/language', { cookie, form: { locale: 'da', redirectTo: '/dashboard' } }))
  expect(picked.status).toBe(302)
}

describe('the dashboard in Danish', () => {
  let owner: Awaited<ReturnType<typeof createOwner>>
  const MARCH = `/dashboard?period=custom&from=${KPI_PERIOD.from}&to=${KPI_PERIOD.to}`
  const renderDashboard = (cookie: string, headers: Record<string, string>) => render(dashboard, 'routes/_app.dashboard', MARCH, 'dashboard', cookie, headers)

  beforeAll(async () => {
    owner = await createOwner({ name: 'Mette Madsen' })
    const other = await createOwner({ name: 'Anden Ejer' })
    await seedKpiFixture({ workspaceId: owner.workspaceId, userId: owner.userId, otherWorkspaceId: other.workspaceId, otherUserId: other.userId })
    await updateWorkspace({ workspaceId: owner.workspaceId, changes: { currency: 'DKK', name: 'Nordisk Marketing' } })
  }, 120_000)

  test('for a Danish browser: Danish cards and tables, Danish numbers and currency, no English catalogue string', async () => {
    const { status, html } = await renderDashboard(owner.cookie, DANISH_BROWSER)
    expect(status).toBe(200)
    const text = textOf(html)
    expect(text).toContain('Overblik Sider Formularer Eksperimenter Leads Indstillinger')
    expect(text).toContain('Som browseren (Dansk)')
    expect(text).toContain('2026-03-01 til 2026-03-31 (UTC), sammenlignet med 2026-01-29 til 2026-02-28')
    expect(textOf(elementWith(html, 'data-testid="kpi-visitors"')!)).toMatch(/^Besøgende [\d.]+ [▲▼=] (op|ned|uændret)[^·]*· var [\d.]+ [\d.]+ besøg · [\d.]+ sidevisninger$/)
    expect(text).toContain('Beløb i dansk krone (DKK), arbejdsområdets valuta (Indstillinger → Generelt).')
    expect(textOf(elementWith(html, 'data-testid="money-spend"')!)).toMatch(/^Marketingforbrug \(DKK\) \d{1,3}(\.\d{3})* /)
    // Danish groups thousands with a point and writes a decimal comma before a spaced percent sign.
    expect(textOf(elementWith(html, 'data-testid="kpi-visitor-to-lead"')!)).toMatch(/\d+,\d %/)
    expect(text).toContain('Salgstragt')
    expect(text).toContain('Trafikkilder')
    expect(findAdminEnglish(html, danish)).toEqual([])
  })

  test('for a user who picked Danish, whatever the browser asks for; English again once they pick it', async () => {
    const reader = await createOwner({ name: 'Jens Jensen' })
    await pickDanish(reader.cookie)
    const { html } = await render(dashboard, 'routes/_app.dashboard', '/dashboard', 'dashboard', reader.cookie, ENGLISH_BROWSER)
    expect(textOf(html)).toContain('Ingen besøgende eller leads endnu')
    expect(html).toMatch(/<a [^>]*href="\/forms"[^>]*>Opret en formular<\/a>: en demo-anmodning, et nyhedsbrev, en download\./)
    expect(html).toMatch(/<option value="da" lang="da" selected="">Dansk<\/option>/)
    expect(findAdminEnglish(html, danish)).toEqual([])

    await readResult(await callRoute(languageAction as never, '/account/language', { cookie: reader.cookie, form: { locale: 'en', redirectTo: '/dashboard' } }))
    const english = textOf((await render(dashboard, 'routes/_app.dashboard', '/dashboard', 'dashboard', reader.cookie, DANISH_BROWSER)).html)
    expect(english).toContain('No visitors or leads yet')
    expect(english).not.toContain('Overblik')
  })
})

describe('an experiment in Danish', () => {
  const renderResults = (id: string, cookie: string, headers: Record<string, string>) => render(resultsRoute, 'routes/_app.experiments.$id', `/experiments/${id}`, 'experiments/:id', cookie, headers)

  test('the results page for a Danish browser: the decision, its next step and the figures, no English catalogue string', async () => {
    const { owner, id } = await seedRunningExperiment({ ownerName: 'Mette Madsen', name: 'Overskriftstest', pageName: 'Demoside' })
    const { html } = await renderResults(id, owner.cookie, DANISH_BROWSER)
    const text = textOf(html)
    expect(text).toContain('← Alle eksperimenter')
    expect(text).toContain('På Demoside') // the page's name, then where it stands
    expect(text).toContain('dag 2 af mindst 14')
    expect(text).toContain('Beslutning om alle konverteringer Vi har en vinder')
    // The statistics' own sentence, whole, in Danish with Danish numbers; then the next step it leads to.
    expect(text).toContain('B konverterer 60 % bedre end A (95 %-interval +37 % til +87 %); klar til at rulle ud.')
    expect(text).toContain('Næste skridt: B fører, men lad eksperimentet køre den mindste løbetid på 14 dage (til ')
    expect(text).toContain('✓ Trafikfordelingen ser fin ud (SRM p = 0,0011)')
    expect(text).toContain('Fremdrift Variant A 12.000 af 20.000 (60 %)')
    expect(text).toContain('Mindste løbetid 2 af 14 dage')
    // The variant table: a point between thousands, a decimal comma and a spaced percent sign.
    expect(text).toContain('Chance for at slå A')
    expect(text).toContain('B 11.500 920 8,00 % 7,52 % til 8,51 % +60,0 % (signifikant) +36,9 % til +87,0 % < 0,0001 > 99,9 %')
    expect(text).toContain('Stop uden vinder')
    expect(text).toContain('Computer · 23.500 besøgende · 1.520 konverteringer · 6,47 %')
    expect(text).toContain('Mette Madsen startede det')
    expect(findAdminEnglish(html, danish)).toEqual([])
  })

  test('the list and the results for a user who picked Danish against an English browser', async () => {
    const { owner, id } = await seedRunningExperiment({ ownerName: 'Mette Madsen', name: 'Overskriftstest', pageName: 'Demoside' })
    await pickDanish(owner.cookie)
    const list = await render(listRoute, 'routes/_app.experiments._index', '/experiments', 'experiments', owner.cookie, ENGLISH_BROWSER)
    expect(textOf(list.html)).toContain('Eksperiment Status Dage i gang Besøgende Fører (forbedring) Beslutning')
    expect(textOf(list.html)).toContain('B +60,0 % Vinder: B')
    expect(findAdminEnglish(list.html, danish)).toEqual([])
    const results = await renderResults(id, owner.cookie, ENGLISH_BROWSER)
    expect(textOf(results.html)).toContain('B konverterer 60 % bedre end A (95 %-interval +37 % til +87 %); klar til at rulle ud.')
    expect(findAdminEnglish(results.html, danish)).toEqual([])
  })
})

test('the scan finds English: the same results page for an English browser shows the English catalogue', async () => {
  const { owner, id } = await seedRunningExperiment({ ownerName: 'Mette Madsen', name: 'Overskriftstest' })
  const { html } = await render(resultsRoute, 'routes/_app.experiments.$id', `/experiments/${id}`, 'experiments/:id', owner.cookie, ENGLISH_BROWSER)
  expect(findAdminEnglish(html, danish)).toEqual(expect.arrayContaining(['We have a winner', 'Chance to beat', 'Stop without a winner']))
})

test('Danish plurals: none, one and many, sentence by sentence', () => {
  const t = translatorFor('da').t
  expect([0, 1, 3].map((count) => t('settings.security.passwordChanged', { count }))).toEqual([
    'Adgangskoden er skiftet. Der var ingen andre åbne sessioner.',
    'Adgangskoden er skiftet. 1 anden session er logget ud.',
    'Adgangskoden er skiftet. 3 andre sessioner er logget ud.',
  ])
  expect([1, 2].map((count) => t('dashboard.landingPages.notConverting', { count }))).toEqual(['1 side får trafik, men ingen konverteringer:', '2 sider får trafik, men ingen konverteringer:'])
  expect([1, 4].map((count) => t('results.settings.days', { count }))).toEqual(['1 dag', '4 dage'])
})
