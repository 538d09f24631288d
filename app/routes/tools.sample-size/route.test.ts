import { describe, expect, test } from 'vitest'
import { loader } from './route'

const load = (query: string) => loader({ request: new Request(`http://app.test/tools/sample-size?${query}`), params: {}, context: { clientIp: '203.0.113.9' } })

describe('/tools/sample-size', () => {
  test('plans for the always-valid analysis by default and shows the fixed-horizon figure beside it', async () => {
    const { result, errors } = await load('baseline=5&mde=10&daily=1000')
    expect(errors).toEqual({})
    expect(result).toMatchObject({ sequential: true, visitorsPerVariant: 54354, days: 109, isReachable: true, alternative: { sequential: false, visitorsPerVariant: 31234, days: 63 } })
    expect((await load('baseline=5&mde=10&daily=1000&method=fixed')).result).toMatchObject({ sequential: false, visitorsPerVariant: 31234, alternative: { visitorsPerVariant: 54354 } })
  })

  test('a plan past a year is flagged', async () => {
    expect((await load('baseline=5&mde=10&daily=30')).result).toMatchObject({ isReachable: false })
  })

  // Each was a 500 or an absurd number (issue 16); now a message beside the field.
  test.each([
    ['alpha=1e-20', 'alpha'],
    ['alpha=1e-300', 'alpha'],
    ['alpha=1e-17&variants=20', 'alpha'],
    ['power=1', 'power'],
    ['daily=1e-300', 'dailyVisitors'],
  ])('%s → an error on %s, not a 500', async (query, field) => {
    const { result, errors } = await load(`baseline=5&mde=10&${query}`)
    expect(result).toBeNull()
    expect(Object.keys(errors)).toEqual([field])
  })

  test.each([
    ['mde=0.000000000000001', 'relativeMde'],
    ['mde=1e-8', 'relativeMde'],
  ])('baseline=5&%s → an error on %s', async (query, field) => {
    const { result, errors } = await load(`baseline=5&${query}`)
    expect(result).toBeNull()
    expect(Object.keys(errors)).toEqual([field])
  })
})

// Issue 17: the fields are labelled in percent, and their errors asked for fractions ("e.g. 0.05 for 5%").
describe('/tools/sample-size speaks percent on percent fields', () => {
  test.each([
    ['baseline=150&mde=10', 'baselineRate', 'Enter a rate between 0.0001 % and 99.99 %'],
    ['baseline=0&mde=10', 'baselineRate', 'Enter a rate between 0.0001 % and 99.99 %'],
    ['baseline=five&mde=10', 'baselineRate', 'Enter the conversion rate as a number of percent, e.g. 4.5'],
    ['baseline=&mde=10', 'baselineRate', 'Enter your current conversion rate in percent, e.g. 4.5'],
    ['baseline=5&mde=0', 'relativeMde', 'Enter a lift above 0 % and at most 10,000 %'],
    ['baseline=5&mde=', 'relativeMde', 'Enter the smallest lift worth detecting, in percent, e.g. 10'],
    ['baseline=60&mde=100', 'relativeMde', 'This lift would take the rate to 100 % or more: enter a smaller lift or check the rate'],
    ['baseline=5&mde=1e-8', 'relativeMde', 'This lift is too small to detect: it would take more than 1,000,000,000 visitors per variant'],
    ['baseline=5&mde=10&power=1', 'power', 'Choose a power between 50 % and 99.99 %'],
    ['baseline=5&mde=10&alpha=0.7', 'alpha', 'Choose a significance between 0.0001 and 0.5 (99.99 % to 50 % confidence)'],
    ['baseline=5&mde=10&variants=1', 'variants', 'Enter a whole number of variants from 2 to 20, the control included'],
    ['baseline=5&mde=10&daily=lots', 'dailyVisitors', 'Enter the daily visitors as a number, e.g. 1,000'],
    ['baseline=5&mde=10&daily=0.5', 'dailyVisitors', 'Enter at least 1 daily visitor (and at most 1,000,000,000,000)'],
  ])('%s → %s: %s', async (query, field, message) => {
    const { result, errors } = await load(query)
    expect(result).toBeNull()
    expect(errors).toEqual({ [field]: [message] })
  })

  test('"Calculate" with both rates empty names both fields; a first visit shows no errors', async () => {
    expect((await load('baseline=&mde=&daily=')).errors).toEqual({
      baselineRate: ['Enter your current conversion rate in percent, e.g. 4.5'],
      relativeMde: ['Enter the smallest lift worth detecting, in percent, e.g. 10'],
    })
    expect((await load('')).errors).toEqual({})
  })

  test('"4,5" is 4.5 % and "1 000" daily visitors is 1000', async () => {
    expect((await load('baseline=4,5&mde=10&daily=1 000')).result).toMatchObject({ input: { baselineRate: 0.045, relativeMde: 0.1, dailyVisitors: 1000 } })
  })
})
