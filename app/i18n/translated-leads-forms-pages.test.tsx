import { randomUUID } from 'node:crypto'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { formatClockTime } from '#app/components/format'
import swedish from '#app/i18n/catalogues/sv.json'
import { addCatalogue, translatorFor } from '#app/i18n/i18n'
import { LanguageProvider } from '#app/i18n/provider'
import { FormPickerView } from '#app/pages/form-picker'
import { createPage, publishPage } from '#app/pages/queries.server'
import * as formRoute from '#app/routes/_app.forms.$id/route'
import * as formsRoute from '#app/routes/_app.forms._index'
import * as leadRoute from '#app/routes/_app.leads.$id/route'
import * as pageRoute from '#app/routes/_app.pages.$id/route'
import * as editorRoute from '#app/routes/editor.$pageId.$key'
import * as pagesRoute from '#app/routes/_app.pages._index'
import * as heldRoute from '#app/routes/_app.leads.held'
import * as inboxRoute from '#app/routes/_app.leads._index/route'
import { createOwner } from '#tests/factories/accounts'
import { insertConversion, insertForm, insertLead, insertPage } from '#tests/factories/lead-rows'
import { renderRoute, textOf } from '#tests/render-route'

// The server's catalogues, in hand as language.server.ts makes them at startup.
addCatalogue('sv', swedish)

// Issue 18: the lead screens (inbox, a lead, held submissions), the forms list and the pages list and settings in Swedish when the browser asks for it or the user
// picked it, and in English otherwise, rendered through the real root, layout and route loaders.

const SWEDISH_BROWSER = { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.8' }
const ENGLISH_BROWSER = { 'Accept-Language': 'en-US,en;q=0.9' }

async function ownerWithLead() {
  const owner = await createOwner({ name: 'Lisa Lead' })
  const form = await insertForm({ workspaceId: owner.workspaceId, name: 'Boka demo', conversionType: 'hard' })
  const page = await insertPage({ workspaceId: owner.workspaceId, name: 'Demosida' })
  const lead = await insertLead({ workspaceId: owner.workspaceId, email: 'kund@example.se', name: 'Karin Kund', hotAt: new Date(), stage: 'opportunity' })
  await insertConversion({
    workspaceId: owner.workspaceId,
    leadId: lead.id,
    formId: form.id,
    pageId: page.id,
    conversionType: 'hard',
    device: 'mobile',
    firstSeenAt: new Date(Date.now() - 49 * 3600_000),
  })
  return { owner, lead }
}

describe('the lead inbox', () => {
  const render = (cookie: string, headers: Record<string, string>, search = '') =>
    renderRoute({ id: 'routes/_app.leads._index', path: `/leads${search}`, pattern: 'leads', module: inboxRoute, cookie, headers })

  test('reads Swedish for a Swedish browser and English otherwise', async () => {
    const { owner } = await ownerWithLead()
    const sv = textOf((await render(owner.cookie, SWEDISH_BROWSER)).html)
    expect(sv).toContain('Alla som har konverterat.')
    expect(sv).toContain('Spärrade inskick Exportera CSV')
    expect(sv).toContain('Sök')
    expect(sv).toContain('Temperatur Alla Varm Kall')
    expect(sv).toContain('Steg Alla Lead MQL SQL Affärsmöjlighet Kund Förlorad')
    expect(sv).toContain('Källa (första kontakt) Alla Betald sökning Organisk sökning')
    expect(sv).toContain('Filtrera Rensa')
    expect(sv).toContain('● Varm')
    expect(sv).toContain('Slut på listan')
    expect(sv).not.toMatch(/Everyone who converted|Temperature|Opportunity|Export CSV|End of the list|Last conversion/)

    const en = textOf((await render(owner.cookie, ENGLISH_BROWSER)).html)
    expect(en).toContain('Everyone who converted.')
    expect(en).toContain('Stage Any Lead MQL SQL Opportunity Customer Lost')
    expect(en).not.toContain('Affärsmöjlighet')
  })

  test('says what the dashboard filtered on, and an empty result, in Swedish', async () => {
    const { owner } = await ownerWithLead()
    const sv = textOf((await render(owner.cookie, SWEDISH_BROWSER, '?conversionType=hard&variantKey=B&convertedFrom=2026-01-01&device=mobile&stage=lost')).html)
    expect(sv).toContain('Från översikten: leads med en hård konvertering på variant B mellan 2026-01-01 och i dag, första konverteringen i mobilen.')
    expect(sv).toContain('Inga leads matchar filtren')
    expect(sv).toContain('Prova färre filter eller en annan sökning. Visa alla leads')
    const en = textOf((await render(owner.cookie, ENGLISH_BROWSER, '?conversionType=hard&variantKey=B&convertedFrom=2026-01-01&device=mobile&stage=lost')).html)
    expect(en).toContain('From the dashboard: leads with a hard conversion on variant B between 2026-01-01 and today, first converted on mobile.')
  })
})

describe('a lead', () => {
  const render = (cookie: string, headers: Record<string, string>, id: string) =>
    renderRoute({ id: 'routes/_app.leads.$id', path: `/leads/${id}`, pattern: 'leads/:id', module: leadRoute, cookie, headers })

  test('its details, conversions, stage, notes and erasure in Swedish and English', async () => {
    const { owner, lead } = await ownerWithLead()
    const sv = textOf((await render(owner.cookie, SWEDISH_BROWSER, lead.id)).html)
    expect(sv).toContain('Alla leads')
    expect(sv).toContain('Företag')
    expect(sv).toContain('Steg Affärsmöjlighet')
    expect(sv).toMatch(/Poäng \d+ \(\d+ hårda och \d+ mjuka konverteringar, \d+ sidvisningar?\)/)
    expect(sv).toContain('Boka demo hård konvertering')
    expect(sv).toContain('På Demosida')
    expect(sv).toContain('Mobil · 2 dagar 1 tim efter första besöket')
    expect(sv).toContain('Lead → MQL → SQL → Affärsmöjlighet → Kund, eller Förlorad.')
    expect(sv).toContain('Spara steg')
    expect(sv).toContain('Lägg till anteckning')
    expect(sv).toContain('Radera personuppgifter')
    expect(sv).not.toMatch(/All leads|Company|Save stage|Add note|hard conversion|after the first visit/)

    const en = textOf((await render(owner.cookie, ENGLISH_BROWSER, lead.id)).html)
    expect(en).toMatch(/Score \d+ \(\d+ hard, \d+ soft conversions, \d+ page views?\)/)
    expect(en).toContain('Mobile · 2 days 1 h after the first visit')
    expect(en).toContain('Save stage')
  })

  test('a lead of another workspace is a 404 that says so in Swedish', async () => {
    const { lead } = await ownerWithLead()
    const stranger = await createOwner()
    const swedish = await render(stranger.cookie, SWEDISH_BROWSER, lead.id)
    expect(swedish.status).toBe(404)
    expect(textOf(swedish.html)).toContain('Den här arbetsytan har ingen sådan lead.')
  })
})

describe('held submissions', () => {
  test('say there is nothing held, in Swedish and English', async () => {
    const owner = await createOwner()
    const render = (headers: Record<string, string>) => renderRoute({ id: 'routes/_app.leads.held', path: '/leads/held', pattern: 'leads/held', module: heldRoute, cookie: owner.cookie, headers })
    const sv = textOf((await render(SWEDISH_BROWSER)).html)
    expect(sv).toContain('Spärrade inskick')
    expect(sv).toContain('Inga inskick har spärrats som spam.')
    expect(textOf((await render(ENGLISH_BROWSER)).html)).toContain('No submission has been held as spam.')
  })
})

describe('the forms list', () => {
  test('names purposes, conversion types and columns in Swedish', async () => {
    const { owner } = await ownerWithLead()
    const render = (headers: Record<string, string>) => renderRoute({ id: 'routes/_app.forms._index', path: '/forms', pattern: 'forms', module: formsRoute, cookie: owner.cookie, headers })
    const sv = textOf((await render(SWEDISH_BROWSER)).html)
    expect(sv).toContain('Formulär gör besökare till leads')
    expect(sv).toContain('Nytt formulär')
    expect(sv).toContain('Demoförfrågan Besökarna ber om en produktdemo: en varm lead för sälj. hård · varma leads')
    expect(sv).toContain('Som syftet föreslår (hård)')
    expect(sv).toContain('Namn Syfte Konvertering Fält Ändrat')
    expect(sv).toContain('Skapa formulär')
    expect(sv).not.toMatch(/Demo request|Conversion type|Create form|hot leads/)
    const en = textOf((await render(ENGLISH_BROWSER)).html)
    expect(en).toContain('Demo request Visitors ask for a product demo: a hot lead for sales. hard · hot leads')
    expect(en).toContain('As the purpose suggests (hard)')
  })
})

describe('the form builder', () => {
  test('its sections, field list, alerts and preview in Swedish and English', async () => {
    const owner = await createOwner()
    const form = await insertForm({
      workspaceId: owner.workspaceId,
      name: 'Boka demo',
      fields: [{ type: 'email', key: 'email', label: 'Jobbmejl', required: true }],
    })
    const render = (headers: Record<string, string>) => renderRoute({ id: 'routes/_app.forms.$id', path: `/forms/${form.id}`, pattern: 'forms/:id', module: formRoute, cookie: owner.cookie, headers })
    const sv = textOf((await render(SWEDISH_BROWSER)).html)
    expect(sv).toMatch(/Senast sparat \d{1,2} [a-zåäö]+\.? \d{4} \d\d:\d\d/)
    expect(sv).toContain('Alla formulär')
    expect(sv).toContain('Inställningar Namn (syns bara för dig)')
    expect(sv).toContain('Mjuk : kontaktuppgifter utan tydlig köpintention, en kall lead att bearbeta.')
    expect(sv).toContain('Leadaviseringar Meddela mitt team om nya leads från det här formuläret')
    expect(sv).toContain('Jobbmejl * E-post · email')
    expect(sv).toContain('Fälttyp')
    expect(sv).toContain('Lägg till fält')
    expect(sv).toContain('Dela upp formuläret i steg')
    expect(sv).toContain('Efter inskick')
    expect(sv).toContain('Visa ett tackmeddelande')
    expect(sv).toContain('Förhandsvisning')
    expect(sv).toContain('Spara formulär')
    expect(sv).not.toMatch(/Last saved|Add field|Lead alerts|Save form|Live preview|Short text/)
    const en = textOf((await render(ENGLISH_BROWSER)).html)
    expect(en).toContain('Lead alerts Tell my team about new leads from this form')
    expect(en).toContain('Save form')
  })
})

describe('pages', () => {
  test('the list, the new-page form and a page with its settings in Swedish', async () => {
    const owner = await createOwner()
    const created = await createPage({ workspaceId: owner.workspaceId, name: 'Vårdemo', slug: `vardemo-${randomUUID().slice(0, 8)}`, template: 'demo-sv' })
    if (!created.ok) throw new Error(created.message)
    await publishPage({ workspaceId: owner.workspaceId, pageId: created.page.id, userId: owner.userId })
    const list = (headers: Record<string, string>) => renderRoute({ id: 'routes/_app.pages._index', path: '/pages', pattern: 'pages', module: pagesRoute, cookie: owner.cookie, headers })
    const sv = textOf((await list(SWEDISH_BROWSER)).html)
    expect(sv).toContain('Landningssidor med sina varianter och publicerade versioner.')
    expect(sv).toContain('Alla språk Engelska Svenska Danska')
    expect(sv).toContain('Boka en produktdemo: fördelar, resultat, kundomdömen och ett tydligt formulär.')
    expect(sv).toContain('Namn Adress Status Varianter Senast publicerad Experiment')
    expect(sv).toContain('publicerad')
    expect(sv).toContain('Skapa sida')
    expect(sv).not.toMatch(/All languages|Create page|Last published|published 1/)
    expect(textOf((await list(ENGLISH_BROWSER)).html)).toContain('Name Address Status Variants Last published Experiment')

    const page = (headers: Record<string, string>) =>
      renderRoute({ id: 'routes/_app.pages.$id', path: `/pages/${created.page.id}`, pattern: 'pages/:id', module: pageRoute, cookie: owner.cookie, headers })
    const settings = textOf((await page(SWEDISH_BROWSER)).html)
    expect(settings).toContain('publicerad · version 1 är publicerad')
    expect(settings).toContain('Publicera alla varianter')
    expect(settings).toContain('Varianter')
    expect(settings).toContain('Redigera A')
    expect(settings).toContain('Sidinställningar Gemensamma för alla varianter.')
    expect(settings).toContain('Språket besökarna möts av')
    expect(settings).toContain('Dölj för sökmotorer (noindex)')
    expect(settings).toContain('Spara inställningar')
    expect(settings).toContain('Versioner')
    expect(settings).not.toMatch(/Publish all variants|Page settings|Save settings|Not published yet/)
    const english = textOf((await page(ENGLISH_BROWSER)).html)
    expect(english).toContain('published · version 1 live')
    expect(english).toContain('Save settings')

    const editor = (headers: Record<string, string>) =>
      renderRoute({ id: 'routes/editor.$pageId.$key', path: `/editor/${created.page.id}/A`, pattern: 'editor/:pageId/:key', module: editorRoute, cookie: owner.cookie, headers, layout: 'none' })
    const toolbar = textOf((await editor(SWEDISH_BROWSER)).html)
    expect(toolbar).toContain('← Vårdemo Variant A , publicerad A: Publicerad')
    expect(toolbar).toMatch(/Utkastet sparades \d\d:\d\d:\d\d Läser in redigeraren …/)
    expect(textOf((await editor(ENGLISH_BROWSER)).html)).toContain('Loading the editor…')
  })
})

describe("the editor's form picker", () => {
  test('offers the first form in Swedish, and says why creating one failed', () => {
    const html = renderToStaticMarkup(
      <LanguageProvider data={{ language: 'sv' }}>
        <FormPickerView forms={[]} value="" defaultPurpose="demo_request" busy={false} error="Formuläret gick inte att skapa" onChange={() => {}} onCreate={() => {}} />
      </LanguageProvider>,
    )
    const text = textOf(html)
    expect(text).toContain('Formulär Inga formulär än: skapa ett här nedanför')
    expect(text).toContain('Skapa arbetsytans första formulär')
    expect(text).toContain('Vad ska det användas till? Anmälan till nyhetsbrev')
    expect(text).toContain('Skapa ett formulär')
    expect(text).not.toMatch(/Pick a form|What is it for|Newsletter signup/)
  })
})

describe('Swedish plurals', () => {
  const t = translatorFor('sv').t
  test('none, one and many held submissions', () => {
    expect(t('leads.held.count', { count: 0 })).toBe('Inga spärrade inskick')
    expect(t('leads.held.count', { count: 1 })).toBe('1 spärrat inskick')
    expect(t('leads.held.count', { count: 1234 })).toBe('1\u00a0234 spärrade inskick')
  })
  test('unpublished changes in one variant, several, and the settings', () => {
    const note = (variants: number, keys: string, settings: 'yes' | 'no') => t('pageSettings.publishState.note', { variants, keys, settings, canEdit: 'no' })
    expect(note(1, 'B', 'no')).toBe('Opublicerade ändringar i variant B: besökarna får fortfarande den publicerade versionen.')
    expect(note(2, 'A, B', 'yes')).toBe('Opublicerade ändringar i varianterna A, B och sidinställningarna: besökarna får fortfarande den publicerade versionen.')
    expect(note(0, '', 'yes')).toBe('Opublicerade ändringar i sidinställningarna: besökarna får fortfarande den publicerade versionen.')
  })
  test("the editor's save time reads as each language writes a clock", () => {
    const at = new Date(2026, 11, 6, 15, 2, 11)
    expect(formatClockTime(at, 'sv')).toBe('15:02:11')
    expect(formatClockTime(at, 'en')).toBe('3:02:11 PM')
  })
  test('a refused publish names one or several Form blocks', () => {
    expect(t('pages.refusal.title', { count: 1 })).toBe('Inte publicerad: ett formulärblock saknar formulär, så besökarna skulle inte kunna bli leads')
    expect(t('pages.refusal.title', { count: 3 })).toBe('Inte publicerad: 3 formulärblock saknar formulär, så besökarna skulle inte kunna bli leads')
  })
  test('page views and days', () => {
    expect(t('leads.detail.scoreLine', { score: '3', hard: 1, soft: 2, views: 1 })).toBe('3 (1 hårda och 2 mjuka konverteringar, 1 sidvisning)')
    expect(t('leads.detail.scoreLine', { score: '3', hard: 1, soft: 2, views: 7 })).toContain('7 sidvisningar')
    expect(t('leads.duration.days', { days: 1, hours: 0 })).toBe('1 dag')
    expect(t('leads.duration.days', { days: 3, hours: 2 })).toBe('3 dagar 2 tim')
  })
})
