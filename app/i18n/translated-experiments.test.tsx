import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import * as listRoute from '#app/routes/_app.experiments._index'
import * as resultsRoute from '#app/routes/_app.experiments.$id/route'
import * as newRoute from '#app/routes/_app.experiments.new/route'
import * as abTestRoute from '#app/routes/tools.ab-test/route'
import * as sampleSizeRoute from '#app/routes/tools.sample-size/route'
import { experimentDaily, experiments } from '#db/schema'
import { createOwner } from '#tests/factories/accounts'
import { publishExperimentPage, startExperiment } from '#tests/factories/experiments'
import { renderRoute, textOf as readText } from '#tests/render-route'

// The experiment screens in Swedish when the browser asks for it, in English otherwise: the list and the results
// page, rendered through the real root and loaders, with the statistics' own sentences (the decision, the next
// step) said in the reader's language and the numbers in its format (12 345, 12,5 %).

const SWEDISH_BROWSER = { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.8' }
const ENGLISH_BROWSER = { 'Accept-Language': 'en-US,en;q=0.9' }
// The rendered text with no-break spaces (Swedish grouping, "12 %") read as spaces.
const textOf = (html: string) => readText(html).replace(/\u00a0/g, ' ')

/** A running A/B test, 2 days in: 12,000 and 11,500 visitors on one day, 600 and 920 conversions, so B wins clearly. */
async function seedExperiment() {
  const owner = await createOwner({ name: 'Sara Svensson' })
  const page = await publishExperimentPage(owner, { variants: 2 })
  const id = await startExperiment(owner, page.pageId)
  await db
    .update(experiments)
    .set({ startedAt: new Date(Date.now() - 2.5 * 86_400_000) })
    .where(eq(experiments.id, id))
  const counts = { A: { visitors: 12_000, any: 600 }, B: { visitors: 11_500, any: 920 } }
  await db.insert(experimentDaily).values(
    (['A', 'B'] as const).flatMap((key) =>
      (['visitors', 'any'] as const).map((metric) => ({
        experimentId: id,
        day: '2026-11-01',
        variantKey: key,
        device: 'desktop',
        channel: 'direct',
        metric: metric === 'visitors' ? '' : metric,
        count: counts[key][metric],
      })),
    ),
  )
  return { owner, id }
}

describe('the experiment screens', () => {
  const renderResults = (id: string, cookie: string, headers: Record<string, string>) =>
    renderRoute({ id: 'routes/_app.experiments.$id', path: `/experiments/${id}`, pattern: 'experiments/:id', module: resultsRoute, cookie, headers, layout: 'shown' })
  const renderList = (cookie: string, headers: Record<string, string>) =>
    renderRoute({ id: 'routes/_app.experiments._index', path: '/experiments', pattern: 'experiments', module: listRoute, cookie, headers, layout: 'shown' })

  test('the results page: headings, the decision and its next step, the figures, in Swedish for a Swedish browser', async () => {
    const { owner, id } = await seedExperiment()
    const swedish = textOf((await renderResults(id, owner.cookie, SWEDISH_BROWSER)).html)
    expect(swedish).toContain('← Alla experiment')
    expect(swedish).toContain('På Page') // the page's name, then where it stands
    expect(swedish).toContain('dag 2 av minst 14')
    expect(swedish).toContain('Beslut om alla konverteringar Vi har en vinnare')
    // The statistics' sentence, whole, in Swedish with Swedish numbers; then the next step it leads to.
    expect(swedish).toContain('B konverterar 60 % bättre än A (95 %-intervall +37 % till +87 %); tryggt att rulla ut.')
    expect(swedish).toContain('Nästa steg: B leder, men låt experimentet gå den minsta körtiden på 14 dagar (till ')
    expect(swedish).toContain('✓ Trafikfördelningen ser bra ut (SRM p = 0,0011)')
    expect(swedish).toContain('Förlopp Variant A 12 000 av 20 000 (60 %)')
    expect(swedish).toContain('Minsta körtid 2 av 14 dagar')
    // The variant table: grouping with a (no-break) space, a decimal comma and a spaced percent sign.
    expect(swedish).toContain('Chans att slå A')
    expect(swedish).toContain('B 11 500 920 8,00 % 7,52 % till 8,51 % +60,0 % (signifikant) +36,9 % till +87,0 % < 0,0001 > 99,9 %')
    expect(swedish).toContain('Stoppa utan vinnare')
    expect(swedish).toContain('Dator · 23 500 besökare · 1 520 konverteringar · 6,47 %')
    expect(swedish).toContain('Status pågår')
    expect(swedish).toContain('Vinnare ingen')
    expect(swedish).toContain('Sara Svensson startade det')
    expect(swedish).not.toMatch(/We have a winner|Next step|Minimum runtime|Chance to beat|safe to ship|visitors/)

    const english = textOf((await renderResults(id, owner.cookie, ENGLISH_BROWSER)).html)
    expect(english).toContain('Decision on any conversion We have a winner')
    expect(english).toContain('B converts 60% better than A (95% interval +37% to +87%); safe to ship.')
    expect(english).toContain('Next step: B is ahead, but keep it running for the minimum 14 days (until ')
    expect(english).toContain('B 11,500 920 8.00% 7.52% to 8.51% +60.0% (significant) +36.9% to +87.0% < 0.0001 > 99.9%')
    expect(english).toContain('Winner none')
    expect(english).not.toContain('Förlopp')
  })

  test('the list: headings, status and the decision label in Swedish; English for an English browser', async () => {
    const { owner } = await seedExperiment()
    const swedish = textOf((await renderList(owner.cookie, SWEDISH_BROWSER)).html)
    expect(swedish).toContain('Experiment Status Dagar sedan start Besökare Leder (förbättring) Beslut')
    expect(swedish).toContain('Rubriktest')
    expect(swedish).toContain('23 500')
    expect(swedish).toContain('pågår')
    expect(swedish).toContain('B +60,0 % Vinnare: B')

    const english = textOf((await renderList(owner.cookie, ENGLISH_BROWSER)).html)
    expect(english).toContain('Experiment Status Days running Visitors Leading (lift) Decision')
    expect(english).toContain('23,500')
    expect(english).toContain('running')
    expect(english).toContain('B +60.0% Winner: B')
  })
})

describe('the new-experiment form', () => {
  test('its cards, fields and hints in Swedish for a Swedish browser, English otherwise', async () => {
    const owner = await createOwner()
    const page = await publishExperimentPage(owner, { variants: 2 })
    const render = (headers: Record<string, string>) =>
      renderRoute({ id: 'routes/_app.experiments.new', path: `/experiments/new?page=${page.pageId}`, pattern: 'experiments/new', module: newRoute, cookie: owner.cookie, headers, layout: 'shown' })
    const swedish = textOf((await render(SWEDISH_BROWSER)).html)
    expect(swedish).toContain('Nytt experiment')
    expect(swedish).toContain('Vad du testar Namn')
    expect(swedish).toContain('Varianter och vikter')
    expect(swedish).toContain('De ikryssade varianterna blir tillsammans 100 %.')
    expect(swedish).toContain('Primärt mått (avgör vinnaren)')
    expect(swedish).toContain('Alla konverteringar')
    expect(swedish).toContain('Skapa experiment')
    expect(swedish).not.toMatch(/What you test|Create experiment|Any conversion/)
    const english = textOf((await render(ENGLISH_BROWSER)).html)
    expect(english).toContain('What you test Name')
    expect(english).toContain('Ticked variants add up to 100%.')
    expect(english).toContain('Create experiment')
  })
})

describe('the public calculators follow the browser', () => {
  const render = (module: typeof sampleSizeRoute | typeof abTestRoute, path: string, query: string, headers: Record<string, string>) =>
    renderRoute({ id: `routes${path.replace('/', '.').replace('/', '.')}`, path: `${path}?${query}`, pattern: path.slice(1), module, headers, layout: 'none' })

  test('the sample-size calculator: labels, the plan and its numbers in Swedish', async () => {
    const query = 'baseline=4.5&mde=10&alpha=0.05&power=0.8&variants=2&daily=1000&method=sequential'
    const swedish = textOf((await render(sampleSizeRoute, '/tools/sample-size', query, SWEDISH_BROWSER)).html)
    expect(swedish).toContain('Urvalsstorlek och längd')
    expect(swedish).toContain('Nuvarande konverteringsgrad (%)')
    expect(swedish).toContain('0,05 (95 % konfidens)')
    expect(swedish).toMatch(/Du behöver Besökare per variant \d+ \d{3} Besökare totalt \d+ \d{3} Längd \d+ dagar/)
    expect(swedish).toContain('För att upptäcka en förändring från 4,50 % till 4,95 % med 80 % styrka när resultaten läses ungefär 20 gånger under testets gång.')
    expect(swedish).not.toMatch(/You need|Visitors per variant/)
    const english = textOf((await render(sampleSizeRoute, '/tools/sample-size', query, ENGLISH_BROWSER)).html)
    expect(english).toMatch(/You need Visitors per variant \d+,\d{3} Visitors in total/)
    expect(english).toContain('To detect a change from 4.50% to 4.95% with 80% power when the results are read about 20 times along the way.')
  })

  test("the A/B test calculator's decision, said by the statistics in Swedish", async () => {
    const query = 'name=A&visitors=12000&conversions=600&name=B&visitors=11500&conversions=920&confidence=0.95&method=sequential&planned=&daily='
    const swedish = textOf((await render(abTestRoute, '/tools/ab-test', query, SWEDISH_BROWSER)).html)
    expect(swedish).toContain('Vi har en vinnare B konverterar 60 % bättre än A (95 %-intervall +36 % till +88 %); tryggt att rulla ut.')
    expect(swedish).toContain('Signifikanskalkylator för A/B-test')
    expect(swedish).toContain('B 11 500 920 8,00 % (7,52 % till 8,51 %) +60,0 % (+36,4 % till +87,7 %) < 0,0001 signifikant > 99,9 % > 99,9 %')
    expect(swedish).not.toMatch(/Chance to|Results|Analyse\b/)
    const english = textOf((await render(abTestRoute, '/tools/ab-test', query, ENGLISH_BROWSER)).html)
    expect(english).toContain('We have a winner B converts 60% better than A (95% interval +36% to +88%); safe to ship.')
  })
})
