import { describe, expect, test } from 'vitest'
import { loader } from './tools.sample-size'

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
