import { expect, test } from 'vitest'
import { funnelRates, stagesAtOrAfter, stagesReachedBy } from './funnel'

test('a stage counts for itself and every stage before it; lost reaches nothing by itself', () => {
  expect(stagesReachedBy('sql')).toEqual(['lead', 'mql', 'sql'])
  expect(stagesReachedBy('customer')).toEqual(['lead', 'mql', 'sql', 'opportunity', 'customer'])
  expect(stagesReachedBy('lost')).toEqual([])
  expect(stagesAtOrAfter('mql')).toEqual(['mql', 'sql', 'opportunity', 'customer'])
  expect(stagesAtOrAfter('customer')).toEqual(['customer'])
})

test('stage-to-stage rates of a cohort and the headline rates', () => {
  expect(funnelRates({ lead: 3, mql: 3, sql: 3, opportunity: 2, customer: 1 }, 24)).toEqual({
    fromPrevious: { lead: null, mql: 1, sql: 1, opportunity: 2 / 3, customer: 1 / 2 },
    visitorToMql: 3 / 24,
    mqlToSql: 1,
    sqlToWon: 1 / 3,
    leadToCustomer: 1 / 3,
  })
})

test('an empty funnel has no rates', () => {
  expect(funnelRates({ lead: 0, mql: 0, sql: 0, opportunity: 0, customer: 0 }, 0)).toEqual({
    fromPrevious: { lead: null, mql: null, sql: null, opportunity: null, customer: null },
    visitorToMql: null,
    mqlToSql: null,
    sqlToWon: null,
    leadToCustomer: null,
  })
})
