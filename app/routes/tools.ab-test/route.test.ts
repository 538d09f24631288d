import { describe, expect, test } from 'vitest'
import { loader } from './route'

const load = (query: string) => loader({ request: new Request(`http://app.test/tools/ab-test?${query}`), params: {}, context: { clientIp: '203.0.113.9' } })
const row = (name: string, visitors: string, conversions: string) => `name=${name}&visitors=${visitors}&conversions=${conversions}`
const analyse = (...rows: string[]) => `${rows.join('&')}&confidence=0.95&method=sequential&planned=&daily=`

// Issue 17: "Analyse" with empty fields showed nothing, and the analysis's messages named API fields.
describe('/tools/ab-test names each field in its own words', () => {
  test('"Analyse" with every field empty asks for the control and one variant', async () => {
    const { analysis, errors } = await load(analyse(row('A', '', ''), row('B', '', '')))
    expect(analysis).toBeNull()
    expect(errors).toEqual({
      'rows.0.visitors': ['Enter the number of visitors'],
      'rows.0.conversions': ['Enter the number of conversions'],
      'rows.1.visitors': ['Enter the number of visitors'],
      'rows.1.conversions': ['Enter the number of conversions'],
    })
  })

  test('a first visit and "Add variant" on empty rows show no errors', async () => {
    expect((await load('')).errors).toEqual({})
    expect((await load(`${analyse(row('A', '100', '5'), row('B', '', ''))}&rows=3`)).errors).toEqual({})
  })

  test.each([
    [[row('A', '100', '5'), row('B', '', '')], { 'rows.1.visitors': ['Enter the number of visitors'], 'rows.1.conversions': ['Enter the number of conversions'] }],
    [[row('A', 'lots', '5'), row('B', '100', '5')], { 'rows.0.visitors': ['Enter a whole number, e.g. 12,000'] }],
    [[row('A', '100.5', '5'), row('B', '100', '5')], { 'rows.0.visitors': ['Enter a whole number, e.g. 12,000'] }],
    [[row('A', '100', '-1'), row('B', '100', '5')], { 'rows.0.conversions': ['Cannot be negative'] }],
    [[row('A', '1e13', '5'), row('B', '100', '5')], { 'rows.0.visitors': ['Too large: at most 1,000,000,000,000'] }],
    [[row('A', '1000', '5'), row('B', '1000', '1001')], { 'rows.1.conversions': ['Conversions cannot exceed visitors (1,000)'] }],
    [[row('A', '1000', '5'), row('A', '1000', '6')], { 'rows.1.name': ['Another variant is also named “A”: give each its own name'] }],
  ])('%j → %j', async (rows, expected) => {
    const { analysis, errors } = await load(analyse(...rows))
    expect(analysis).toBeNull()
    expect(errors).toEqual(expected)
  })

  test('the settings: planned visitors, daily visitors, a confidence typed into the URL, fixed horizon without a plan', async () => {
    const rows = [row('A', '1000', '50'), row('B', '1000', '60')].join('&')
    expect((await load(`${rows}&planned=50`)).errors).toEqual({ planned: ['Enter the planned visitors per variant as a whole number of at least 100'] })
    expect((await load(`${rows}&daily=-3`)).errors).toEqual({ daily: ['Enter the daily visitors as a number above 0, e.g. 1,000'] })
    expect((await load(`${rows}&confidence=2`)).errors).toEqual({ confidence: ['Choose a confidence between 50 % and 99.99 %'] })
    expect((await load(`${rows}&method=fixed`)).errors).toEqual({
      planned: ['A fixed-horizon test is read once, at a sample planned in advance: enter the planned visitors per variant, or choose the always-valid method'],
    })
  })

  test('filled rows are analysed, blank extra rows left out', async () => {
    const { analysis, errors } = await load(analyse(row('A', '20000', '1000'), row('B', '20000', '1200'), row('C', '', '')))
    expect(errors).toEqual({})
    expect(analysis?.variants.map((v) => v.key)).toEqual(['A', 'B'])
  })
})
