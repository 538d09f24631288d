import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { IntervalChart } from '#app/components/interval-chart'
import { FormErrorList } from '#app/components/ui/field'
import { db } from '#app/db.server'
import english from '#app/i18n/catalogues/en.json'
import swedish from '#app/i18n/catalogues/sv.json'
import { addCatalogue, englishTranslator, translatorFor } from '#app/i18n/i18n'
import { LanguageProvider, useMessage, useT } from '#app/i18n/provider'
import { BLOCK_DEFINITIONS } from '#app/pages/blocks/registry'
import { validatePageDocument } from '#app/pages/document'
import { documentProblemIn } from '#app/pages/document-problems'
import { puckDictionary, translateBlockText } from '#app/pages/editor-words'
import { nameUnnamedPuckParts } from '#app/pages/page-editor'
import { createPuckConfig, THEME_FONTS } from '#app/pages/puck-config'
import { publishPage } from '#app/pages/queries.server'
import * as startRoute from '#app/routes/_index'
import * as resultsRoute from '#app/routes/_app.experiments.$id/route'
import * as pagesRoute from '#app/routes/_app.pages._index'
import * as pageRoute from '#app/routes/_app.pages.$id/route'
import * as editorRoute from '#app/routes/editor.$pageId.$key'
import * as abTestRoute from '#app/routes/tools.ab-test/route'
import { MAX_WEBHOOKS_PER_WORKSPACE } from '#app/webhooks/webhook.server'
import { experimentEvents, experiments, pages, workspaces } from '#db/schema'
import { adminEnglishFragments, findAdminEnglish } from '#tests/admin-english-scan'
import { callRoute, createOwner } from '#tests/factories/accounts'
import { publishExperimentPage, startExperiment } from '#tests/factories/experiments'
import { renderRoute, textOf } from '#tests/render-route'

// Issue 18: the last English in the Swedish admin. Each screen below, rendered in Swedish, shows none of the English
// catalogue's words (tests/admin-english-scan.ts): the page editor (our blocks, Puck's own chrome, the page
// settings' fonts), the experiment history and settings (dates in the workspace's zone), the public start page and
// the A/B calculator's interval chart. English stays as it was.

const SWEDISH_BROWSER = { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.8' }
const ENGLISH_BROWSER = { 'Accept-Language': 'en-US,en;q=0.9' }
addCatalogue('sv', swedish)
const sv = translatorFor('sv').t
const inSwedish = (node: React.ReactNode) => renderToStaticMarkup(<LanguageProvider data={{ language: 'sv' }}>{node}</LanguageProvider>)

/** Every string in a value (a dictionary's words, a meta function's tags); functions skipped. */
const stringsOf = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) || (value && typeof value === 'object') ? Object.values(value).flatMap(stringsOf) : [])

/** The words a Puck config shows: labels and titles, at any depth. A new array item's content (defaultItemProps) is the page's, not the editor's. */
const labelsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(labelsOf)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, inner]) => (key === 'defaultItemProps' ? [] : (key === 'label' || key === 'title') && typeof inner === 'string' ? [inner] : labelsOf(inner)))
      : []

/** The admin's English a Swedish text shows; `[]` when there is none. */
const englishIn = (html: string) => findAdminEnglish(html, swedish)

test('the scan itself finds English words, and not words Swedish writes the same way', () => {
  expect(englishIn('<p>Divider</p><button aria-label="Switch to Phone viewport">x</button>')).toEqual(expect.arrayContaining(['Divider', 'Switch to', 'viewport']))
  expect(englishIn('<p>Skiljelinje Variant Status Layout Leads</p>')).toEqual([])
  const fragments = adminEnglishFragments(swedish)
  expect(fragments).toContain('Landing pages that prove which version wins.')
  expect(fragments).not.toContain('Variant')
})

/** A new owner's page made on the pages screen (its action), by a browser that sends `headers`. */
async function pageCreatedThroughTheAdmin(headers: Record<string, string>, template: string) {
  const owner = await createOwner()
  const form = { name: 'Vårdemo', slug: `vardemo-${randomUUID().slice(0, 8)}`, template }
  const created = (await callRoute(pagesRoute.action as never, '/pages', { cookie: owner.cookie, headers, form })) as Response
  return { owner, pageId: created.headers.get('Location')!.replace('/pages/', '') }
}

const renderSettings = async (cookie: string, pageId: string, headers: Record<string, string>) =>
  (await renderRoute({ id: 'routes/_app.pages.$id', path: `/pages/${pageId}`, pattern: 'pages/:id', module: pageRoute, cookie, headers })).html

describe('the page editor', () => {
  const swedishConfig = createPuckConfig({ forms: [], t: sv })

  test("every block's name, field label and option, and the categories, in Swedish", () => {
    const words = labelsOf({ categories: swedishConfig.categories, components: Object.values(swedishConfig.components).map((c) => ({ label: c.label, fields: c.fields })) })
    expect(words.length).toBeGreaterThan(100)
    expect(words.filter((word) => englishIn(`<p>${word}</p>`).length > 0)).toEqual([])
    expect(swedishConfig.components.Divider!.label).toBe('Skiljelinje')
    expect(swedishConfig.components.Hero!.fields!.headline!.label).toBe('Rubrik')
    expect(swedishConfig.components.Section!.fields!.background).toMatchObject({ label: 'Bakgrund', options: [{ label: 'Ingen' }, { label: 'Ljus' }, { label: 'Varumärkesfärg' }, { label: 'Mörk' }] })
    expect(Object.values(swedishConfig.categories!).map((c) => c.title)).toEqual(['Layout', 'Innehåll', 'Bild och video', 'Konvertering'])
    // An array's item without its own text is summarised in Swedish; one with text keeps it.
    const faq = swedishConfig.components.Faq!.fields!.items as unknown as { getItemSummary: (item: object, index: number) => string }
    expect(faq.getItemSummary({ question: '' }, 0)).toBe('Fråga')
    expect(faq.getItemSummary({ question: 'Vad kostar det?' }, 0)).toBe('Vad kostar det?')
  })

  test('English reads exactly as the block definitions do (the e2e stories find "Divider" and the phone button by text)', () => {
    const englishConfig = createPuckConfig({ forms: [], t: englishTranslator.t })
    for (const definition of BLOCK_DEFINITIONS) expect(englishConfig.components[definition.type]!.label).toBe(definition.label)
    expect(Object.values(englishConfig.categories!).map((c) => c.title)).toEqual(['Layout', 'Content', 'Media', 'Conversion'])
    expect(puckDictionary(englishTranslator.t)['viewport-switch']).toBe('Switch to {label} viewport')
    // Every word the definitions write is in the catalogue, so a new block, field or option cannot stay English.
    const written = labelsOf(Object.values(englishConfig.components).map((c) => ({ label: c.label, fields: c.fields })))
    const known = new Set(Object.values(english.pages.blockText))
    expect(written.filter((word) => !known.has(word))).toEqual([])
    const summaries = BLOCK_DEFINITIONS.flatMap((d) => Object.values(d.fields as Record<string, { getItemSummary?: (item: object) => string }>)).flatMap((f) =>
      f.getItemSummary ? [f.getItemSummary({})] : [],
    )
    expect(summaries.filter((word) => !known.has(word))).toEqual([])
  })

  test("Puck's own words, through its dictionary, in Swedish with Puck's placeholders kept", () => {
    const dictionary = puckDictionary(sv)
    expect(stringsOf(dictionary).flatMap((word) => englishIn(`<p>${word}</p>`))).toEqual([])
    expect(dictionary['plugin-outline']).toBe('Struktur')
    expect(dictionary['viewport-switch']).toBe('Förhandsgranska på {label}')
    expect(dictionary['viewport-zoom-auto']).toBe('{zoom} % (auto)')
    expect(dictionary['field-arrayitem-summary']).toBe('Post {index}')
    expect(dictionary['field-richtext-headingselect-3']).toBe('Rubrik 3')
  })

  test("the canvas's token hint, the empty Video block's hint and the names given to Puck's unnamed parts", () => {
    const Root = swedishConfig.root!.render!
    const Hero = swedishConfig.components.Hero!.render
    const hero = BLOCK_DEFINITIONS.find((d) => d.type === 'Hero')!
    const canvas = inSwedish(createElement(Root, { children: createElement(Hero, { ...hero.defaultProps, headline: 'Hej {{company|du}}', id: 'h', puck: {} as never }) } as never))
    expect(canvas).toContain('title="Ersätts med URL-parametern ”company” när den finns"')
    const video = inSwedish(createElement(swedishConfig.components.Video!.render, { url: '', title: 'Rundtur', caption: '', id: 'v', puck: { isEditing: true } } as never))
    expect(textOf(video)).toBe('Klistra in en länk till YouTube eller Vimeo för att visa en video.')
    // The hero's default content is the page's, not the editor's: only the editor's own words are scanned here.
    expect(englishIn(canvas.replace(/<h1>[\s\S]*$/, '') + video)).toEqual([])

    const frame = { title: '', setAttribute: () => {} }
    const zoom = { label: '', setAttribute: (_: string, value: string) => (zoom.label = value) }
    const root = { querySelectorAll: (selector: string) => (selector.startsWith('iframe') ? [frame] : selector.startsWith('select') ? [zoom] : []) }
    nameUnnamedPuckParts(root as never, { preview: sv('pages.editor.preview'), zoom: sv('pages.editor.zoom') })
    expect([frame.title, zoom.label]).toEqual(['Förhandsvisning av sidan', 'Zoomnivå'])
  })

  test('the viewport names, and a new page: its settings (fonts, languages, the control) and the editor toolbar', async () => {
    expect(['phone', 'tablet', 'desktop'].map((v) => sv(`pages.editor.viewports.${v}`))).toEqual(['mobil', 'surfplatta', 'dator'])
    expect(THEME_FONTS.map((f) => translateBlockText(f.label, sv))).toEqual([
      'Systemets sans serif',
      'Humanistisk sans serif',
      'Geometrisk sans serif',
      'Klassisk serif',
      'Modern serif',
      'Fast teckenbredd',
    ])
    const { owner, pageId } = await pageCreatedThroughTheAdmin(SWEDISH_BROWSER, 'demo-sv')
    await publishPage({ workspaceId: owner.workspaceId, pageId, userId: owner.userId })
    const settings = await renderSettings(owner.cookie, pageId, SWEDISH_BROWSER)
    const text = textOf(settings)
    expect(text).toContain('Systemets sans serif')
    expect(text).toContain('Kontroll') // variant A, named in the language of whoever created the page
    expect(text).toContain('English (engelska) Svenska Dansk (danska) Norsk bokmål (norskt bokmål)')
    // The page-language picker names each language in itself too: "English" is the English language's own name there.
    expect(englishIn(settings.replace(/<select id="page-locale"[\s\S]*?<\/select>/, ''))).toEqual([])
    const toolbar = (
      await renderRoute({
        id: 'routes/editor.$pageId.$key',
        path: `/editor/${pageId}/A`,
        pattern: 'editor/:pageId/:key',
        module: editorRoute,
        cookie: owner.cookie,
        headers: SWEDISH_BROWSER,
        layout: 'none',
      })
    ).html
    expect(englishIn(toolbar)).toEqual([])
  })

  test('an English reader sees the languages and the control as before', async () => {
    const { owner, pageId } = await pageCreatedThroughTheAdmin(ENGLISH_BROWSER, 'demo')
    const text = textOf(await renderSettings(owner.cookie, pageId, ENGLISH_BROWSER))
    expect(text).toContain('English Svenska (Swedish) Dansk (Danish) Norsk bokmål (Norwegian Bokmål)')
    expect(text).toContain('Control')
    expect(text).toContain('System sans')
  })
})

describe('the experiment history and settings', () => {
  // 23:30 UTC on 6 December is 00:30 on 7 December in Stockholm.
  const LATE_EVENING_UTC = new Date('2026-12-06T23:30:00Z')

  async function startedStockholmExperiment() {
    const owner = await createOwner({ name: 'Sara Svensson' })
    await db.update(workspaces).set({ timezone: 'Europe/Stockholm' }).where(eq(workspaces.id, owner.workspaceId))
    const page = await publishExperimentPage(owner, { variants: 2 })
    // The factory's page name is English test data, not the admin's words.
    await db.update(pages).set({ name: 'Demosida' }).where(eq(pages.id, page.pageId))
    const id = await startExperiment(owner, page.pageId)
    await db.update(experiments).set({ startedAt: LATE_EVENING_UTC }).where(eq(experiments.id, id))
    await db.update(experimentEvents).set({ createdAt: LATE_EVENING_UTC }).where(eq(experimentEvents.experimentId, id))
    return { owner, id }
  }

  test("dates in the reader's language and the workspace's zone, and no English, in Swedish", async () => {
    const { owner, id } = await startedStockholmExperiment()
    const render = async (headers: Record<string, string>) =>
      (await renderRoute({ id: 'routes/_app.experiments.$id', path: `/experiments/${id}`, pattern: 'experiments/:id', module: resultsRoute, cookie: owner.cookie, headers })).html
    const html = await render(SWEDISH_BROWSER)
    const history = textOf(html.slice(html.indexOf('data-testid="experiment-event"')))
    expect(history).toContain('7 dec. 2026 00:30')
    const settings = textOf(html)
    expect(settings).toMatch(/Startat? 7 dec\. 2026 00:30/)
    expect(settings).not.toMatch(/2026-12-06|\bUTC\b/)
    expect(englishIn(html)).toEqual([])
    const englishText = textOf(await render(ENGLISH_BROWSER))
    expect(englishText).toContain('7 Dec 2026, 00:30')
    expect(englishText).not.toMatch(/2026-12-06 23:30 UTC/)
  })
})

describe('the public start page', () => {
  const render = async (headers: Record<string, string>) => (await renderRoute({ id: 'routes/_index', path: '/', pattern: '', module: startRoute, headers, layout: 'none' })).html

  test('speaks Swedish to a Swedish browser, English otherwise', async () => {
    const html = await render(SWEDISH_BROWSER)
    expect(textOf(html)).toContain('Landningssidor som visar vilken version som vinner.')
    expect(textOf(html)).toContain('Skapa en arbetsyta Logga in Gratis A/B-testkalkylator')
    expect(englishIn(html)).toEqual([])
    expect(textOf(await render(ENGLISH_BROWSER))).toContain('Landing pages that prove which version wins. For marketers and growth teams')
  })

  test('its title and description too', () => {
    const meta = (language: string, messages: object | null) => startRoute.meta({ matches: [{ id: 'root', data: { language, messages } }] } as never)
    const swedishMeta = meta('sv', swedish)
    expect(swedishMeta).toEqual([
      { title: 'Splitform · landningssidor, formulär och A/B-tester som gör besökare till leads' },
      { name: 'description', content: 'Bygg landningssidor och formulär, fördela besökarna mellan varianter och se vilken som ger fler och bättre leads.' },
    ])
    expect(englishIn(stringsOf(swedishMeta).join('\n'))).toEqual([])
    expect(meta('en', null)[0]).toEqual({ title: english.home.metaTitle })
  })
})

describe("what the admin's actions write", () => {
  test('the webhook, upload and builder refusals read Swedish (the action writes English, the screen translates it)', () => {
    const messages = [
      'Private and local addresses cannot receive webhooks',
      `A workspace can have at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks`,
      'Resume the webhook before sending it a test event',
      'The builder sent a damaged form; reload and try again',
      'The upload could not be read; try again',
      'Choose a file to upload',
      'This type of file is not allowed: upload a PDF, ZIP, EPUB, image (PNG, JPG, GIF, WebP), Word, Excel or PowerPoint (.docx, .xlsx, .pptx), TXT or CSV file',
    ]
    const html = inSwedish(<FormErrorList errors={messages} />)
    expect(textOf(html)).toContain(`En arbetsyta kan ha högst ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks`)
    expect(textOf(html)).toContain('Återuppta webhooken innan du skickar en testhändelse till den')
    expect(englishIn(html)).toEqual([])
  })
})

describe("the editor's save problems", () => {
  function Problems({ problems }: { problems: string[] }) {
    const translate = useMessage()
    const t = useT()
    return <p>{problems.map((p) => documentProblemIn(p, translate, t)).join('; ')}</p>
  }

  test("a field's problem keeps its path and reads its message in Swedish; English stays as written", () => {
    // As the document check writes them (app/pages/document.ts): one line per field of a block.
    const problems = [
      'content[0] (Hero).headline: required',
      'content[2] (Image).alt: an image needs a description (alt text)',
      'content[1] (Faq).heading: too long (at most 200 characters)',
      'content[3] (Countdown).target: expected a date-time with time zone, e.g. 2026-03-01T09:00:00Z',
      'The page is larger than 1 MB',
    ]
    const html = inSwedish(<Problems problems={problems} />)
    expect(textOf(html)).toBe(
      'content[0] (Toppsektion).headline: måste fyllas i; content[2] (Bild).alt: en bild behöver en beskrivning (alt-text); content[1] (Vanliga frågor).heading: för lång (högst 200 tecken); content[3] (Nedräkning).target: ange datum och tid med tidszon, t.ex. 2026-03-01T09:00:00Z; Sidan är större än 1 MB',
    )
    expect(textOf(renderToStaticMarkup(<Problems problems={problems.slice(0, 1)} />))).toBe('content[0] (Hero).headline: required')
  })

  test('what the document check really writes for an emptied headline reads Swedish', () => {
    const hero = BLOCK_DEFINITIONS.find((d) => d.type === 'Hero')!
    const checked = validatePageDocument({ root: { props: {} }, content: [{ type: 'Hero', props: { ...hero.defaultProps, id: 'h', headline: ' ' } }] })
    if (checked.ok) throw new Error('an empty headline should be refused')
    const text = textOf(inSwedish(<Problems problems={checked.errors} />))
    expect(text).toContain('headline: måste fyllas i')
    expect(englishIn(`<p>${text}</p>`)).toEqual([])
  })
})

describe("the A/B calculator's interval chart", () => {
  test('the empty chart, its axis, unbounded rows and its key in Swedish', () => {
    expect(textOf(inSwedish(<IntervalChart title="Förbättring" rows={[{ label: 'B', estimate: null, ci: null, isSignificant: false }]} />))).toBe(
      'Inget intervall att rita än: varje variant behöver besökare och tillräckligt många konverteringar för att förbättringen ska kunna avgränsas.',
    )
    const chart = inSwedish(
      <IntervalChart
        title="Förbättring"
        rows={[
          { label: 'B', estimate: 0.1, ci: [-0.05, 0.25], isSignificant: false },
          { label: 'C', estimate: 2, ci: [-0.99, 27501815780576.86], isSignificant: false },
          { label: 'D', estimate: null, ci: null, isSignificant: false },
        ]}
      />,
    )
    const text = textOf(chart).replace(/\u00a0/g, ' ')
    expect(text).toContain('0 % (ingen förändring)')
    expect(text).toContain('C: för få konverteringar för att avgränsa förbättringen')
    expect(text).toContain('D: för lite data')
    expect(text).toContain('Förbättring. Fylld ruta: signifikant. Ofylld cirkel: inte signifikant (än). B +10,0 %')
    expect(englishIn(chart)).toEqual([])
  })

  test('on the calculator, rendered for a Swedish browser', async () => {
    const query = 'name=A&visitors=12000&conversions=600&name=B&visitors=11500&conversions=920&confidence=0.95&method=sequential&planned=&daily='
    const html = (await renderRoute({ id: 'routes/tools.ab-test', path: `/tools/ab-test?${query}`, pattern: 'tools/ab-test', module: abTestRoute, headers: SWEDISH_BROWSER, layout: 'none' })).html
    expect(textOf(html)).toContain('Fylld ruta: signifikant.')
    expect(englishIn(html)).toEqual([])
  })
})
