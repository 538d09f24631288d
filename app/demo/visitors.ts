import type { Channel } from '#app/attribution/channel'
import type { Device } from '#app/attribution/device'

// Simulated visitors, shared by the traffic simulator (real HTTP to a running server) and the demo seed's history
// (rows written directly): the browser a visitor uses, where they come from, when they arrive and whether they
// convert. Pure: every draw comes from the seedable `Random` passed in, so a seed gives the same visitors.

export type Random = () => number

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!
export const chance = (random: Random, probability: number) => random() < probability
export const between = (random: Random, low: number, high: number) => low + random() * (high - low)

/** One entry of `[value, weight]` pairs, with probability proportional to its weight. */
export function pickWeighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
  let u = random() * total
  for (const [value, weight] of entries) {
    if (u < weight) return value
    u -= weight
  }
  return entries[entries.length - 1]![0]
}

/** A UUID v4 from the generator: the history's visitor, lead and conversion ids are the same on every fresh demo. */
export function drawUuid(random: Random): string {
  const hex = (bits: number) =>
    Math.floor(random() * 2 ** bits)
      .toString(16)
      .padStart(bits / 4, '0')
  return `${hex(32)}-${hex(16)}-4${hex(12)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(12)}-${hex(24)}${hex(24)}`
}

// ── Devices ─────────────────────────────────────────────────────────────────────────────────────
// B2B landing pages are read at work: desktop-heavy, a third on phones, a few tablets.
export const DEVICE_MIX: readonly (readonly [Device, number])[] = [
  ['desktop', 0.56],
  ['mobile', 0.38],
  ['tablet', 0.06],
]

// Current browsers as they identify themselves; classifyDevice reads each as its device (tested), isbot as human.
export const USER_AGENTS: Record<Device, readonly string[]> = {
  desktop: [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  ],
  mobile: [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  ],
  tablet: [
    'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  ],
}

// ── Channels ────────────────────────────────────────────────────────────────────────────────────
/** What a browser arriving from somewhere sends: the landing URL's query string and the Referer header. */
export type Arrival = { query: string; referrer: string | null }

const CLICK_ID_ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-']
const clickId = (random: Random) => Array.from({ length: 22 }, () => pick(random, CLICK_ID_ALPHABET)).join('')
const utm = (source: string, medium: string, campaign: string, extra = '') => `utm_source=${source}&utm_medium=${medium}&utm_campaign=${campaign}${extra}`

// The arrivals each channel is made of; app/attribution/channel.ts classifies every one as its channel (tested).
const ARRIVALS: Record<Channel, (random: Random) => Arrival> = {
  organic_search: (random) => ({
    query: '',
    referrer: pickWeighted(random, [
      ['https://www.google.com/', 84],
      ['https://www.bing.com/', 9],
      ['https://duckduckgo.com/', 5],
      ['https://www.ecosia.org/', 2],
    ]),
  }),
  paid_search: (random) =>
    chance(random, 0.82)
      ? { query: utm('google', 'cpc', pick(random, ['brand', 'b2b-landing-pages', 'ab-testing-tool']), `&gclid=${clickId(random)}`), referrer: 'https://www.google.com/' }
      : { query: utm('bing', 'cpc', 'b2b-landing-pages', `&msclkid=${clickId(random).toLowerCase()}`), referrer: 'https://www.bing.com/' },
  social: (random) =>
    pickWeighted<Arrival>(random, [
      [{ query: '', referrer: 'https://www.linkedin.com/' }, 40],
      [{ query: utm('linkedin', 'paid_social', 'pipeline-leaders'), referrer: 'https://www.linkedin.com/' }, 30],
      [{ query: '', referrer: 'https://t.co/' }, 12],
      [{ query: '', referrer: 'https://www.reddit.com/r/marketing/' }, 10],
      [{ query: '', referrer: 'https://www.youtube.com/' }, 8],
    ]),
  email: (random) =>
    chance(random, 0.85)
      ? { query: utm('newsletter', 'email', pick(random, ['monthly-digest', 'product-update', 'event-invite'])), referrer: null }
      : { query: '', referrer: 'https://mail.google.com/' },
  referral: (random) => ({
    query: '',
    referrer: pickWeighted(random, [
      ['https://www.g2.com/products/splitform/reviews', 35],
      ['https://news.ycombinator.com/', 20],
      ['https://www.capterra.com/p/splitform/', 25],
      ['https://blog.partner-agency.example/landing-page-tips', 20],
    ]),
  }),
  direct: () => ({ query: '', referrer: null }),
}

// A B2B mix: search first, then direct, social, email and referrals.
export const CHANNEL_MIX: readonly (readonly [Channel, number])[] = [
  ['organic_search', 0.3],
  ['paid_search', 0.17],
  ['direct', 0.18],
  ['social', 0.15],
  ['email', 0.1],
  ['referral', 0.1],
]

export function drawArrival(random: Random, channel: Channel): Arrival {
  return ARRIVALS[channel](random)
}

// ── Visitors ────────────────────────────────────────────────────────────────────────────────────
export type VisitorProfile = { device: Device; userAgent: string; channel: Channel; arrival: Arrival }

export function drawVisitor(random: Random): VisitorProfile {
  const device = pickWeighted(random, DEVICE_MIX)
  const channel = pickWeighted(random, CHANNEL_MIX)
  return { device, userAgent: pick(random, USER_AGENTS[device]), channel, arrival: drawArrival(random, channel) }
}

// ── Conversion ──────────────────────────────────────────────────────────────────────────────────
// How much likelier than average a visitor converts: people who asked for email or were recommended convert best,
// social scrollers least; phones convert worst (small screens, forms on the go).
const CHANNEL_LIFT: Record<Channel, number> = { email: 1.5, referral: 1.25, paid_search: 1.15, organic_search: 1, direct: 0.95, social: 0.6 }
const DEVICE_LIFT: Record<Device, number> = { desktop: 1.15, tablet: 0.95, mobile: 0.7 }

const meanOf = <K extends string>(mix: readonly (readonly [K, number])[], lift: Record<K, number>) =>
  mix.reduce((sum, [key, weight]) => sum + weight * lift[key], 0) / mix.reduce((sum, [, weight]) => sum + weight, 0)
// Dividing by the mean lift keeps the average over the mixes at the rate asked for.
const MEAN_LIFT = meanOf(CHANNEL_MIX, CHANNEL_LIFT) * meanOf(DEVICE_MIX, DEVICE_LIFT)

/**
 * The probability that this visitor converts when the page (variant) converts at `rate` on average: higher by
 * email and referral, lower on phones and from social, averaging `rate` over the channel and device mixes.
 */
export function conversionChance(rate: number, { channel, device }: { channel: Channel; device: Device }) {
  return Math.min(1, (rate * CHANNEL_LIFT[channel] * DEVICE_LIFT[device]) / MEAN_LIFT)
}

/** The average of conversionChance over the mixes: `rate` itself, unless it is so high that some chances cap at 1. */
export function expectedRate(rate: number) {
  let mean = 0
  for (const [device, deviceShare] of DEVICE_MIX) for (const [channel, channelShare] of CHANNEL_MIX) mean += deviceShare * channelShare * conversionChance(rate, { channel, device })
  return mean
}

// ── When visitors arrive ────────────────────────────────────────────────────────────────────────
// Business traffic: strong Monday to Thursday, softer Friday, a trickle at weekends (index = getUTCDay()).
export const WEEKDAY_FACTOR = [0.42, 1.08, 1.12, 1.1, 1.04, 0.86, 0.38] as const
// Hours in UTC: European mornings and American afternoons overlap in the middle of the day.
export const HOUR_WEIGHTS = [0.25, 0.15, 0.1, 0.1, 0.12, 0.2, 0.4, 0.8, 1.2, 1.5, 1.6, 1.5, 1.35, 1.45, 1.6, 1.6, 1.45, 1.25, 1.05, 0.85, 0.7, 0.6, 0.45, 0.35] as const
const HOURS = HOUR_WEIGHTS.map((weight, hour) => [hour, weight] as const)

/**
 * New visitors expected on `day` (a UTC midnight): `base` on an average weekday, shaped by the weekly rhythm, growing
 * by `growth` over the period (`progress` 0 → 1) and wobbling ±12 % from day to day.
 */
export function visitorsOnDay(random: Random, { base, day, progress, growth }: { base: number; day: Date; progress: number; growth: number }) {
  const wobble = between(random, 0.88, 1.12)
  return Math.round(base * WEEKDAY_FACTOR[day.getUTCDay()]! * (1 + growth * progress) * wobble)
}

/** Milliseconds after midnight (UTC) for an arrival, following the hour-of-day shape. */
export function drawTimeOfDay(random: Random): number {
  const hour = pickWeighted(random, HOURS)
  return (hour * 3600 + Math.floor(random() * 3600)) * 1000
}

/** How long a human takes to fill in a form: never under its minimum fill time (the spam check), usually longer. */
export function fillDelayMs(random: Random, { minFillSeconds, typicalSeconds }: { minFillSeconds: number; typicalSeconds: [number, number] }) {
  // _t is the render time rounded down to 0.1 s, so 0.3 s of margin keeps a visitor at the minimum above it.
  return Math.round(Math.max(minFillSeconds + 0.3, between(random, ...typicalSeconds)) * 1000)
}
