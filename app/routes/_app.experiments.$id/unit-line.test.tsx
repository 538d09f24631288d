import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import swedish from '#app/i18n/catalogues/sv.json'
import { addCatalogue } from '#app/i18n/i18n'
import { LanguageProvider } from '#app/i18n/provider'
import { textOf } from '#tests/render-route'
import { UnitLine } from './unit-line'

// The server's catalogues, in hand as language.server.ts makes them at startup.
addCatalogue('sv', swedish)

const variants = (a: number, b: number, conversions: number) => [{ cookieless: { exposures: a, conversions } }, { cookieless: { exposures: b, conversions: 0 } }]
const render = (results: Parameters<typeof UnitLine>[0]['results'], language?: string) =>
  textOf(
    renderToStaticMarkup(
      <LanguageProvider data={language ? { language } : undefined}>
        <UnitLine results={results} />
      </LanguageProvider>,
    ),
  )

test('the results page says what its numbers count, with the views and conversions counted cookieless', () => {
  const cast = (r: unknown) => r as Parameters<typeof UnitLine>[0]['results']
  expect(render(cast({ unit: 'visitor', variants: variants(0, 0, 0) }))).toBe('Counted per visitor: each visitor is counted once, in the variant they keep.')
  expect(render(cast({ unit: 'page_view', variants: variants(120, 118, 1) }))).toContain(
    'Counted per page view: these pages set no identifying cookie, so each view is counted on its own and a reload may show the other variant (238 views and 1 conversion so far).',
  )
  expect(render(cast({ unit: 'both', variants: variants(40, 41, 3) }))).toContain('81 views and 3 conversions without consent were counted per page view')
  expect(render(cast({ unit: 'both', variants: variants(40, 41, 3) }), 'sv')).toContain('Räknat per besökare och per sidvisning')
})
