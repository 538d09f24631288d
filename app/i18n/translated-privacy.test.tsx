import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { catchUpPageViewRollups } from '#app/kpis/rollup-queue.server'
import * as dashboardRoute from '#app/routes/_app.dashboard/route'
import * as resultsRoute from '#app/routes/_app.experiments.$id/route'
import * as generalSettings from '#app/routes/_app.settings._index'
import * as abTestRoute from '#app/routes/tools.ab-test/route'
import * as sampleSizeRoute from '#app/routes/tools.sample-size/route'
import { experimentDaily, experimentLeads } from '#db/schema'
import { createOwner } from '#tests/factories/accounts'
import { publishExperimentPage, startExperiment } from '#tests/factories/experiments'
import { insertLead, insertPage } from '#tests/factories/lead-rows'
import { elementWith, renderRoute, textOf as readText } from '#tests/render-route'

// The last English of the experiment, privacy and consent screens (issue 18f), rendered through the real root and
// loaders for a Swedish and an English browser: the results page's consent section and its warning, the
// conversions-and-pipeline note, the dashboard's consent card, the privacy settings form with the action's
// validation messages, and the calculators' notes. The Swedish render holds none of the English sentences; the
// API's English answers are checked beside their routes (consent-section.test.tsx, pipeline.test.tsx, …).

const SWEDISH = { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.8' }
const ENGLISH = { 'Accept-Language': 'en-US,en;q=0.9' }
// The rendered text with no-break spaces (Swedish grouping, "12 %") read as spaces.
const textOf = (html: string) => readText(html).replace(/\u00a0/g, ' ')
const part = (html: string, marker: string) => textOf(elementWith(html, marker) ?? '')

async function startTest(owner: Awaited<ReturnType<typeof createOwner>>, secondaryMetrics: 'pipeline'[] = []) {
  const page = await publishExperimentPage(owner, { variants: 2 })
  const id = await startExperiment(owner, page.pageId, { name: 'Samtyckestest', secondaryMetrics, minRuntimeDays: 7, plannedVisitorsPerVariant: 1000 })
  return { id, pageId: page.pageId }
}

const renderResults = (id: string, cookie: string, headers: Record<string, string>, query = '') =>
  renderRoute({ id: 'routes/_app.experiments.$id', path: `/experiments/${id}${query}`, pattern: 'experiments/:id', module: resultsRoute, cookie, headers })

describe('the results page’s consent section', () => {
  /** A day of the page's views in the rollup, today in the workspace's zone (the experiment started today). */
  const rollUp = (workspaceId: string, pageId: string, variantKey: string, asked: number, consented: number, cookieless: number) =>
    db.execute(sql`insert into page_view_daily (workspace_id, day, page_id, variant_key, views, asked_views, consented_views, cookieless_views)
      select id, (now() at time zone timezone)::date, ${pageId}, ${variantKey}, ${asked}, ${asked}, ${consented}, ${cookieless} from workspaces where id = ${workspaceId}`)

  test('the table, the test and the warning in Swedish with Swedish numbers; English for an English browser', async () => {
    const owner = await createOwner()
    const { id, pageId } = await startTest(owner)
    await rollUp(owner.workspaceId, pageId, 'A', 2000, 1240, 760)
    await rollUp(owner.workspaceId, pageId, 'B', 2000, 1000, 1000)

    const swedish = part((await renderResults(id, owner.cookie, SWEDISH)).html, 'data-testid="consent-table"')
    expect(swedish).toBe('Variant Tillfrågade visningar Med samtycke Samtyckesgrad Räknade utan cookies A 2 000 1 240 62,0 % 760 B 2 000 1 000 50,0 % 1 000')
    const html = (await renderResults(id, owner.cookie, SWEDISH)).html
    expect(part(html, 'data-testid="consent-warning"')).toMatch(/^⚠ Varianterna påverkar hur många besökare som godkänner cookies: A 62,0 % mot B 50,0 % \(p < 0,0001\)\. Besökare som samtycker/)
    expect(part(html, 'data-testid="consent-test"')).toBe('Samtyckesgraderna skiljer sig mer än slumpen kan förklara (p < 0,0001).')
    expect(textOf(html)).toContain('Samtycke Av visningarna där bannern frågade')
    expect(textOf(html)).not.toMatch(/accept cookies|Views asked|Consent rate|differ more than chance|counted once each/)

    const english = (await renderResults(id, owner.cookie, ENGLISH)).html
    expect(part(english, 'data-testid="consent-table"')).toBe('Variant Views asked Consented Consent rate Counted cookieless A 2,000 1,240 62.0% 760 B 2,000 1,000 50.0% 1,000')
    expect(part(english, 'data-testid="consent-warning"')).toContain('The variants change how many visitors accept cookies: A 62.0% against B 50.0% (p < 0.0001).')
    expect(part(english, 'data-testid="consent-test"')).toBe('The rates differ more than chance explains (p < 0.0001).')
  })

  test('rates that agree, and views only counted cookieless', async () => {
    const owner = await createOwner()
    const { id, pageId } = await startTest(owner)
    await rollUp(owner.workspaceId, pageId, 'A', 1000, 500, 500)
    await rollUp(owner.workspaceId, pageId, 'B', 1000, 505, 495)
    const agree = part((await renderResults(id, owner.cookie, SWEDISH)).html, 'data-testid="consent-test"')
    expect(agree).toMatch(/^Varianternas samtyckesgrad stämmer överens \(p = 0,\d+\): varianterna påverkar inte vilka som räknas med cookies\.$/)

    const cookieless = await createOwner()
    const other = await startTest(cookieless)
    await rollUp(cookieless.workspaceId, other.pageId, 'A', 0, 0, 300)
    await rollUp(cookieless.workspaceId, other.pageId, 'B', 0, 0, 280)
    const html = (await renderResults(other.id, cookieless.cookie, SWEDISH)).html
    expect(part(html, 'data-testid="consent-table"')).toBe('Variant Räknade utan cookies A 300 B 280')
    expect(part(html, 'data-testid="consent-test"')).toBe('Ingen fråga ställdes: sidan visades utan banner (cookiefritt läge), så det finns ingen samtyckesgrad.')
  })
})

describe('the conversions-and-pipeline note', () => {
  test('says who wins on what, what ships and how sure the pipeline difference is, in the reader’s language', async () => {
    const owner = await createOwner()
    const { id } = await startTest(owner, ['pipeline'])
    // Mature (30 days old): A 1,000 visitors, 50 converted, 40 deals of 2,000; B 1,000 visitors, 120 converted, 10 deals of 1,000.
    const day = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)
    const mature = { A: { visitors: 1000, any: 50, deals: 40, value: 2000 }, B: { visitors: 1000, any: 120, deals: 10, value: 1000 } } as const
    const daily = (variantKey: string, metric: string, count: number) => ({ experimentId: id, day, variantKey, device: 'desktop', channel: 'direct', metric, count })
    await db.insert(experimentDaily).values((['A', 'B'] as const).flatMap((k) => [daily(k, '', mature[k].visitors), daily(k, 'any', mature[k].any)]))
    for (const key of ['A', 'B'] as const) {
      for (let i = 0; i < mature[key].deals; i++) {
        const lead = await insertLead({ workspaceId: owner.workspaceId, stage: 'customer', dealValue: mature[key].value })
        await db.insert(experimentLeads).values({ experimentId: id, variantKey: key, leadId: lead.id, reached: 4, isLost: false, pipelineValue: mature[key].value, isHot: false, exposureDay: day })
      }
    }
    const swedish = part((await renderResults(id, owner.cookie, SWEDISH, '?metric=pipeline')).html, 'data-testid="winner-conflict"')
    expect(swedish).toContain('Konverteringar och pipeline pekar på olika varianter')
    expect(swedish).toContain('B vinner på alla konverteringar, men A ger mer pipeline per besökare (80 mot 10).')
    expect(swedish).toContain('Det primära måttet är alla konverteringar, så det är B som rullas ut. Pipeline redovisas men avgör inte.')
    // The always-valid interval on a mean of deal values is wide at this sample; its upper end is beyond +1,000%.
    expect(swedish).toContain('Skillnaden i pipeline är tydlig: A ger +700 % pipeline per besökare jämfört med B (alltid giltigt 95 %-intervall −100 % till mer än +1 000 %, p < 0,0001).')
    expect(swedish).not.toMatch(/wins on|primary metric|pipeline difference|against|always-valid/)

    const english = part((await renderResults(id, owner.cookie, ENGLISH, '?metric=pipeline')).html, 'data-testid="winner-conflict"')
    expect(english).toContain('B wins on any conversion, but A brings more pipeline per visitor (80 against 10).')
    expect(english).toContain('The primary metric is any conversion, so it ships B; pipeline is reported, not decided on.')
    expect(english).toContain('The pipeline difference is clear: A brings +700% pipeline per visitor against B (always-valid 95% interval -100% to more than +1,000%, p < 0.0001).')
  })
})

describe('the dashboard’s consent card', () => {
  const DAY = '2026-03-10'
  test('its figures, the mode note and the table per page and variant in Swedish; English otherwise', async () => {
    const owner = await createOwner()
    const page = await insertPage({ workspaceId: owner.workspaceId, name: 'Priser' })
    const counts: [string, string, number][] = [
      ['A', 'granted', 30],
      ['A', 'pending', 60],
      ['A', 'denied', 10],
      ['B', 'granted', 20],
      ['B', 'pending', 70],
      ['B', 'denied', 10],
    ]
    const rows = counts.flatMap(([v, c, n]) => Array.from({ length: n }, () => ({ v, c, id: randomUUID() })))
    await db.execute(sql`with inserted as (
        insert into page_views (workspace_id, page_id, variant_key, visitor_id, device, channel, path, viewed_at, consent)
        select ${owner.workspaceId}::uuid, ${page.id}::uuid, v, id, 'desktop', 'direct', '/p/x', ${`${DAY}T12:00:00Z`}::timestamptz, c
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(v text, c text, id uuid)
        returning id
      ) insert into page_view_rollup_queue (page_view_id) select id from inserted`)
    await catchUpPageViewRollups()
    const render = (headers: Record<string, string>) =>
      renderRoute({ id: 'routes/_app.dashboard', path: `/dashboard?period=custom&from=${DAY}&to=${DAY}&compare=none`, pattern: 'dashboard', module: dashboardRoute, cookie: owner.cookie, headers })

    const swedish = (await render(SWEDISH)).html
    expect(part(swedish, 'data-testid="consent-rate"')).toBe('Samtyckesgrad 25,0 %')
    expect(part(swedish, 'data-testid="consent-asked"')).toBe('Tillfrågade visningar 200')
    expect(part(swedish, 'data-testid="consent-cookieless-views"')).toBe('Visningar utan cookies 150')
    expect(part(swedish, 'data-testid="consent-mode"')).toBe('Bannern frågar varje besökare. Tills besökaren godkänner räknas visningar och konverteringar utan cookies. Integritetsinställningar')
    const table = part(swedish, 'data-testid="consent-pages"')
    expect(table).toContain('Sida / variant Tillfrågade visningar Samtyckesgrad Räknade utan cookies')
    expect(table).toContain('Priser 200 25,0 % 150 Variant A 100 30,0 % 70 Variant B 100 20,0 % 80')
    expect(textOf(swedish)).toContain('Samtycke och räkning utan cookies')
    expect(textOf(swedish)).not.toMatch(/Consent rate|Views asked|counted cookieless|The banner asks|Privacy settings/)

    const english = (await render(ENGLISH)).html
    expect(part(english, 'data-testid="consent-rate"')).toBe('Consent rate 25.0%')
    expect(part(english, 'data-testid="consent-mode"')).toBe('The banner asks each visitor; until they accept, their views and conversions are counted without cookies. Privacy settings')
    expect(part(english, 'data-testid="consent-pages"')).toContain('Page / variant Views asked Consent rate Counted cookieless')
  })
})

describe('the privacy settings form', () => {
  const render = (cookie: string, headers: Record<string, string>, form?: Record<string, string>) =>
    renderRoute({ id: 'routes/_app.settings._index', path: '/settings', pattern: 'settings', module: generalSettings, cookie, headers, ...(form ? { form } : {}) })
  // What an owner sends with the settings out of range: the action answers each field in English.
  const badForm = {
    intent: 'privacy',
    mode: 'consent',
    banner: 'on',
    cookieDays: '5',
    retentionMonths: '121',
    policyUrl: 'ftp://example.com/privacy',
    bannerText_sv_accept: 'Jag godkänner alla kakor på den här webbplatsen',
  }

  test('its texts in Swedish, and the action’s validation messages shown in Swedish where the fields are', async () => {
    const owner = await createOwner()
    const form = (html: string) => part(html, 'aria-label="Integritet"')
    const swedish = form((await render(owner.cookie, SWEDISH)).html)
    expect(swedish).toContain('Cookies och samtycke Be om samtycke')
    expect(swedish).toContain('Spara integritetsinställningar')

    const refused = await render(owner.cookie, SWEDISH, badForm)
    expect(refused.status).toBe(400)
    const errors = form(refused.html)
    expect(errors).toContain('Spara cookies i minst 30 dagar')
    expect(errors).toContain('Spara sidvisningar i högst 120 månader')
    expect(errors).toContain('Ange en fullständig adress som börjar med http:// eller https://')
    expect(errors).toContain('Använd högst 40 tecken')
    expect(errors).not.toMatch(/Keep cookies|Keep page views|Enter a full|Use at most/)

    const notNumbers = form((await render(owner.cookie, SWEDISH, { ...badForm, cookieDays: 'trettio', retentionMonths: '1.5', mode: 'sometimes' })).html)
    expect(notNumbers).toContain('Ange ett antal dagar')
    expect(notNumbers).toContain('Ange ett helt antal månader')
    expect(notNumbers).toContain('Välj ett läge: be om samtycke, använd aldrig cookies eller cookies utan att fråga')

    const english = part((await render(owner.cookie, ENGLISH, badForm)).html, 'aria-label="Privacy"')
    expect(english).toContain('Keep cookies at least 30 days')
    expect(english).toContain('Keep page views at most 120 months')
    expect(english).toContain('Use at most 40 characters')
  })

  test('a consent tool on no known vendor’s host is refused where its fields are, naming the vendors and CMP_ALLOWED_HOSTS, in Swedish and Danish', async () => {
    const owner = await createOwner()
    const unlisted = {
      intent: 'privacy',
      mode: 'consent',
      cookieDays: '180',
      retentionMonths: '13',
      cmpScriptUrl: 'https://cmp.attacker.example/x.js',
      cmpAttributes: '',
      cmpOrigins: 'https://consentcdn.cookiebot.com\nhttps://collect.attacker.example',
    }
    const vendors = 'Cookiebot, OneTrust, Usercentrics, CookieYes, Didomi, iubenda, Cookie Information, consentmanager, Axeptio, CookieFirst, Termly, Sourcepoint, TrustArc, InMobi Choice'
    const swedish = await render(owner.cookie, SWEDISH, unlisted)
    expect(swedish.status).toBe(400)
    const sv = part(swedish.html, 'aria-label="Integritet"')
    const svMessage = `Använd en adress hos ett känt samtyckesverktyg (${vendors}); den som driver den här Splitform-installationen kan tillåta fler värdar med CMP_ALLOWED_HOSTS`
    expect(sv).toContain(svMessage)
    expect(sv).toContain(`https://collect.attacker.example: ${svMessage}`)
    expect(sv).not.toMatch(/known consent tool/)
    const danish = part((await render(owner.cookie, { 'Accept-Language': 'da-DK,da;q=0.9' }, unlisted)).html, 'aria-label="Privatliv"')
    const daMessage = `Brug en adresse hos et kendt samtykkeværktøj (${vendors}); den, der driver denne Splitform-installation, kan tillade flere værter med CMP_ALLOWED_HOSTS`
    expect(danish).toContain(daMessage)
    expect(danish).toContain(`https://collect.attacker.example: ${daMessage}`)
  })
})

describe('the calculators’ notes', () => {
  const renderTool = (module: typeof sampleSizeRoute | typeof abTestRoute, path: string, query: string, headers: Record<string, string>) =>
    renderRoute({ id: `routes${path.replace('/', '.').replace('/', '.')}`, path: `${path}?${query}`, pattern: path.slice(1), module, headers, layout: 'none' })

  test('the sample size: the alpha split across comparisons and why the always-valid plan needs more visitors', async () => {
    const query = 'baseline=4.5&mde=10&alpha=0.05&power=0.8&variants=3&daily=&method=sequential'
    const swedish = textOf((await renderTool(sampleSizeRoute, '/tools/sample-size', query, SWEDISH)).html)
    expect(swedish).toContain('Alfa 0,05 delas enligt Bonferroni på de 2 jämförelserna med kontrollen (0,025 var).')
    expect(swedish).toMatch(/Den sekventiella analysen \(standard\) kan läsas när som helst utan att ge falska vinnare, och behöver därför \d,\d gånger så många besökare/)
    expect(swedish).not.toMatch(/Bonferroni-style|may be read at any time/)
    const english = textOf((await renderTool(sampleSizeRoute, '/tools/sample-size', query, ENGLISH)).html)
    expect(english).toContain('Alpha 0.05 is split Bonferroni-style across the 2 comparisons with the control (0.025 each).')
    expect(english).toMatch(/The sequential analysis \(the default\) may be read at any time without raising false winners, so it needs \d\.\d× the visitors/)
  })

  test('the A/B calculator: why a convincing chance to beat the control is not a call yet', async () => {
    const query = 'name=A&visitors=5000&conversions=500&name=B&visitors=5000&conversions=590&confidence=0.95&method=sequential&planned=&daily='
    const swedish = part((await renderTool(abTestRoute, '/tools/ab-test', query, SWEDISH)).html, 'data-testid="why-waiting"')
    expect(swedish).toMatch(
      /^Chansen på 99,8 % att B slår A räcker inte ensam som beslut: det alltid giltiga testet, som håller hur ofta du än tittar, har ännu inte uteslutit att det saknas skillnad \(p = 0,\d+; ett beslut kräver under 0,05\)\.$/,
    )
    const english = part((await renderTool(abTestRoute, '/tools/ab-test', query, ENGLISH)).html, 'data-testid="why-waiting"')
    expect(english).toMatch(
      /^B’s 99\.8% chance to beat A is not a call on its own: the always-valid test, which stays honest however often you check, has not yet ruled out no difference \(p = 0\.\d+; a call needs below 0\.05\)\.$/,
    )
  })
})
