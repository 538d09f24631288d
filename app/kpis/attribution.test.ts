import { describe, expect, test } from 'vitest'
import { attribute, creditShares, journeyChannels, type Touch } from './attribution'

const organic: Touch = { channel: 'organic_search', referrer: 'www.google.com' }
const newsletter: Touch = { channel: 'email', utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'march' }

describe('journeys', () => {
  test('a touch repeating the one before it counts once', () => {
    expect(journeyChannels([organic, organic, newsletter])).toEqual(['organic_search', 'email'])
    expect(journeyChannels([organic, newsletter, newsletter, organic])).toEqual(['organic_search', 'email', 'organic_search'])
  })
  test('the same channel from another source is another touch', () => {
    expect(journeyChannels([newsletter, { ...newsletter, utmCampaign: 'april' }])).toEqual(['email', 'email'])
    expect(journeyChannels([organic, { channel: 'organic_search', referrer: 'www.bing.com' }])).toEqual(['organic_search', 'organic_search'])
  })
  test('missing and null fields are the same', () => {
    expect(journeyChannels([{ channel: 'direct' }, { channel: 'direct', utmSource: null, referrer: null }])).toEqual(['direct'])
    expect(journeyChannels([])).toEqual([])
  })
})

describe('credit shares', () => {
  const journey = ['organic_search', 'email', 'paid_search', 'email']
  test('first touch', () => expect(Object.fromEntries(creditShares(journey, 'first'))).toEqual({ organic_search: 1 }))
  test('last touch', () => expect(Object.fromEntries(creditShares(journey, 'last'))).toEqual({ email: 1 }))
  test('linear: an equal share per touch, a channel twice gets two', () => expect(Object.fromEntries(creditShares(journey, 'linear'))).toEqual({ organic_search: 0.25, email: 0.5, paid_search: 0.25 }))
  test('nothing for an empty journey', () => expect(creditShares([], 'linear').size).toBe(0))
})

describe('attribute', () => {
  // The fixture's March: leads L1 [organic], L2 [social], L3 [organic, paid]; deals L0 3,000 [organic],
  // L1 1,200 and 300 [organic, email] (the first a new customer), L4 600 [referral] (an upsell).
  const journeys = [
    { channels: ['organic_search'], leads: 1, customers: 0, revenue: 0 },
    { channels: ['social'], leads: 1, customers: 0, revenue: 0 },
    { channels: ['organic_search', 'paid_search'], leads: 1, customers: 0, revenue: 0 },
    { channels: ['organic_search'], leads: 0, customers: 1, revenue: 3000 },
    { channels: ['organic_search', 'email'], leads: 0, customers: 1, revenue: 1200 },
    { channels: ['organic_search', 'email'], leads: 0, customers: 0, revenue: 300 },
    { channels: ['referral'], leads: 0, customers: 0, revenue: 600 },
  ]
  const nonZero = (model: 'first' | 'last' | 'linear') =>
    Object.fromEntries(
      attribute(journeys, model)
        .filter((c) => c.leads || c.customers || c.revenue)
        .map(({ channel, ...credit }) => [channel, credit]),
    )

  test('every channel once, in CHANNELS order', () => {
    expect(attribute([], 'first').map((c) => c.channel)).toEqual(['paid_search', 'organic_search', 'social', 'email', 'referral', 'direct'])
  })
  test('first touch: which channels start journeys', () => {
    expect(nonZero('first')).toEqual({ organic_search: { leads: 2, customers: 2, revenue: 4500 }, social: { leads: 1, customers: 0, revenue: 0 }, referral: { leads: 0, customers: 0, revenue: 600 } })
  })
  test('last touch: which channels close them', () => {
    expect(nonZero('last')).toEqual({
      paid_search: { leads: 1, customers: 0, revenue: 0 },
      organic_search: { leads: 1, customers: 1, revenue: 3000 },
      social: { leads: 1, customers: 0, revenue: 0 },
      email: { leads: 0, customers: 1, revenue: 1500 },
      referral: { leads: 0, customers: 0, revenue: 600 },
    })
  })
  test('linear: shared equally along the journey, totals kept', () => {
    expect(nonZero('linear')).toEqual({
      paid_search: { leads: 0.5, customers: 0, revenue: 0 },
      organic_search: { leads: 1.5, customers: 1.5, revenue: 3750 },
      social: { leads: 1, customers: 0, revenue: 0 },
      email: { leads: 0, customers: 0.5, revenue: 750 },
      referral: { leads: 0, customers: 0, revenue: 600 },
    })
  })
  test('an unknown channel name is credited to direct', () => {
    expect(attribute([{ channels: ['carrier_pigeon'], leads: 1, customers: 0, revenue: 0 }], 'first').find((c) => c.channel === 'direct')!.leads).toBe(1)
  })
})
