import { expect, test } from 'vitest'
import { CHANNELS } from '#app/attribution/channel'
import { classifyDevice, DEVICES } from '#app/attribution/device'
import { readTouch } from '#app/attribution/touch'
import { createRandom } from '#app/statistics/simulate'
import { isBotUserAgent } from '#app/visitors/countable'
import { CHANNEL_MIX, conversionChance, DEVICE_MIX, expectedRate, drawArrival, drawTimeOfDay, drawUuid, drawVisitor, fillDelayMs, USER_AGENTS, visitorsOnDay, WEEKDAY_FACTOR } from './visitors'

test('every user agent is a human browser of its device', () => {
  for (const device of DEVICES) {
    for (const userAgent of USER_AGENTS[device]) {
      expect(classifyDevice(userAgent), userAgent).toBe(device)
      expect(isBotUserAgent(userAgent), userAgent).toBe(false)
    }
  }
})

test("every channel's arrivals are classified as that channel by the server's own rules", () => {
  const random = createRandom(1)
  for (const channel of CHANNELS) {
    for (let i = 0; i < 200; i++) {
      const { query, referrer } = drawArrival(random, channel)
      const touch = readTouch(new URL(`http://localhost:3000/p/demo${query ? `?${query}` : ''}`), referrer)
      expect(touch.channel, `${query} ${referrer}`).toBe(channel)
    }
  }
})

test('visitors follow the device and channel mixes', () => {
  const random = createRandom(2)
  const n = 20_000
  const devices = new Map<string, number>()
  const channels = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    const visitor = drawVisitor(random)
    devices.set(visitor.device, (devices.get(visitor.device) ?? 0) + 1)
    channels.set(visitor.channel, (channels.get(visitor.channel) ?? 0) + 1)
    expect(USER_AGENTS[visitor.device]).toContain(visitor.userAgent)
  }
  for (const [device, share] of DEVICE_MIX) expect(devices.get(device)! / n).toBeCloseTo(share, 1)
  for (const [channel, share] of CHANNEL_MIX) expect(channels.get(channel)! / n).toBeCloseTo(share, 1)
})

test('conversion chances average to the rate asked for; phones convert worse, email better than social', () => {
  let mean = 0
  for (const [device, deviceShare] of DEVICE_MIX) {
    for (const [channel, channelShare] of CHANNEL_MIX) mean += deviceShare * channelShare * conversionChance(0.05, { channel, device })
  }
  expect(mean).toBeCloseTo(0.05, 10)
  expect(expectedRate(0.05)).toBeCloseTo(0.05, 10)
  // Rates so high that the best visitors would pass 100 % cap there, and the average comes out lower.
  expect(expectedRate(0.5)).toBeLessThan(0.5)
  expect(conversionChance(0.05, { channel: 'organic_search', device: 'mobile' })).toBeLessThan(conversionChance(0.05, { channel: 'organic_search', device: 'desktop' }))
  expect(conversionChance(0.05, { channel: 'email', device: 'desktop' })).toBeGreaterThan(conversionChance(0.05, { channel: 'social', device: 'desktop' }))
  expect(conversionChance(0.9, { channel: 'email', device: 'desktop' })).toBe(1)
})

test('uuids are valid v4 and the same for the same seed', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => drawUuid(createRandom(i)))
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  expect(new Set(ids).size).toBe(ids.length)
  expect(drawUuid(createRandom(7))).toBe(drawUuid(createRandom(7)))
})

test('traffic has a weekly rhythm, grows, and peaks in business hours', () => {
  const random = createRandom(3)
  const monday = new Date('2026-03-02T00:00:00Z')
  const sunday = new Date('2026-03-08T00:00:00Z')
  const average = (day: Date, progress: number) => Array.from({ length: 400 }, () => visitorsOnDay(random, { base: 200, day, progress, growth: 0.25 })).reduce((a, b) => a + b) / 400
  expect(average(monday, 0)).toBeCloseTo(200 * WEEKDAY_FACTOR[1], -1)
  expect(average(sunday, 0)).toBeLessThan(average(monday, 0) / 2)
  expect(average(monday, 1) / average(monday, 0)).toBeCloseTo(1.25, 1)
  const hours = Array.from({ length: 10_000 }, () => drawTimeOfDay(random))
  expect(Math.min(...hours)).toBeGreaterThanOrEqual(0)
  expect(Math.max(...hours)).toBeLessThan(24 * 3600 * 1000)
  const inHour = (h: number) => hours.filter((t) => Math.floor(t / 3600_000) === h).length
  expect(inHour(10)).toBeGreaterThan(5 * inHour(3))
})

test('people take at least the minimum fill time, with margin for the timer rounding down', () => {
  const random = createRandom(4)
  for (let i = 0; i < 1000; i++) {
    expect(fillDelayMs(random, { minFillSeconds: 3, typicalSeconds: [1, 2] })).toBeGreaterThanOrEqual(3300)
    const typical = fillDelayMs(random, { minFillSeconds: 0, typicalSeconds: [20, 40] })
    expect(typical).toBeGreaterThanOrEqual(20_000)
    expect(typical).toBeLessThanOrEqual(40_000)
  }
})
