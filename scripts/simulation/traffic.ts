import { setTimeout as sleep } from 'node:timers/promises'
import type { Channel } from '#app/attribution/channel'
import { createRandom } from '#app/statistics/simulate'
import { answersFor, drawPerson } from '#app/demo/answers'
import { Browser, readServedPage, type ServedPageView } from './browser'
import { chance, conversionChance, drawVisitor, fillDelayMs, pick, type Random } from '#app/demo/visitors'

// The traffic simulator's core: real visitors over HTTP to a running server. Each one has its own browser (cookies,
// user agent, connection, and on loopback its own source address), lands on /p/:slug from a channel, is served a
// variant, sometimes comes back, and converts with its variant's probability through the form endpoint, taking
// at least the form's minimum fill time like a person would. Visitors run `concurrency` at a time.

export type SimulationOptions = {
  baseUrl: string
  slug: string
  visitors: number
  /** Average conversion rate per variant key; a variant without one never converts (reported as a warning). */
  rates: Record<string, number>
  concurrency: number
  seed: number
  /** Share of visitors who view the page a second time (a direct return) before deciding. */
  returnRate?: number
  /** How long people take to fill in the form, in seconds, when that is above the form's minimum. */
  fillSeconds?: [number, number]
  /** Give each visitor its own 127.x.y.z source address, as distinct visitors have distinct IPs (loopback only). */
  spreadAddresses?: boolean
}

export type VariantTally = { visitors: number; conversions: number; held: number }
export type VisitorOutcome = { visitorId: string | null; variantKey: string; conversionId: string | null }
export type SimulationReport = {
  byVariant: Record<string, VariantTally>
  /** Every visitor that was served the page: its id (from its cookie), its variant and its conversion, if any. */
  outcomes: VisitorOutcome[]
  /** Page views served (a visitor who comes back views twice). */
  pageViews: number
  /** Problems by message, with how often each happened. */
  errors: Record<string, number>
  warnings: string[]
  durationMs: number
}

class VisitorError extends Error {}

const LANGUAGES = ['en-US,en;q=0.9', 'en-GB,en;q=0.9', 'de-DE,de;q=0.9,en;q=0.8', 'fr-FR,fr;q=0.9,en;q=0.8', 'nl-NL,nl;q=0.9,en;q=0.8', 'es-ES,es;q=0.9,en;q=0.7']

/** 127.1.0.1, 127.1.0.2, …: all of 127.0.0.0/8 reaches this machine on Linux. */
export function loopbackSourceAddress(index: number) {
  return `127.${1 + (Math.floor(index / (254 * 256)) % 254)}.${Math.floor(index / 254) % 256}.${1 + (index % 254)}`
}

export async function simulateTraffic(options: SimulationOptions): Promise<SimulationReport> {
  const started = Date.now()
  const report: SimulationReport = { byVariant: {}, outcomes: [], pageViews: 0, errors: {}, warnings: [], durationMs: 0 }
  let next = 0
  const worker = async () => {
    while (next < options.visitors) {
      const index = next++
      await simulateVisitor(options, index, report).catch((error: unknown) => {
        const message = error instanceof VisitorError ? error.message : `request failed: ${(error as Error).message}`
        report.errors[message] = (report.errors[message] ?? 0) + 1
      })
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, options.visitors)) }, worker))
  for (const key of Object.keys(report.byVariant)) {
    if (options.rates[key] === undefined) report.warnings.push(`No rate given for variant ${key}: its visitors never converted.`)
  }
  report.durationMs = Date.now() - started
  return report
}

async function simulateVisitor(options: SimulationOptions, index: number, report: SimulationReport) {
  // One generator per visitor, so a visitor's draws do not depend on how the others interleave.
  const random = createRandom((options.seed + Math.imul(index + 1, 0x9e3779b1)) >>> 0)
  const profile = drawVisitor(random)
  const browser = new Browser({ 'User-Agent': profile.userAgent, 'Accept-Language': pick(random, LANGUAGES) }, options.spreadAddresses ? loopbackSourceAddress(index) : undefined)
  try {
    const pageUrl = `${options.baseUrl}/p/${options.slug}${profile.arrival.query ? `?${profile.arrival.query}` : ''}`
    let page = await view(browser, pageUrl, profile.arrival.referrer)
    report.pageViews++
    const variantKey = page.variantKey!
    const tally = (report.byVariant[variantKey] ??= { visitors: 0, conversions: 0, held: 0 })
    tally.visitors++
    const outcome: VisitorOutcome = { visitorId: browser.cookies.get('sf_vid') ?? null, variantKey, conversionId: null }
    report.outcomes.push(outcome)
    let lastUrl = pageUrl
    if (chance(random, options.returnRate ?? 0.15)) {
      lastUrl = `${options.baseUrl}/p/${options.slug}`
      page = await view(browser, lastUrl, null)
      report.pageViews++
      if (page.variantKey !== variantKey) throw new VisitorError(`variant changed on a second view (${variantKey} → ${page.variantKey})`)
    }
    if (!chance(random, conversionChance(options.rates[variantKey] ?? 0, profile))) return
    // The form posts to the page it is on, query string included.
    const conversionId = await submit(browser, page, { pageUrl: lastUrl, random, options, channel: profile.channel })
    if (conversionId) tally.conversions++
    else tally.held++
    outcome.conversionId = conversionId
  } finally {
    browser.close()
  }
}

async function view(browser: Browser, url: string, referrer: string | null) {
  const response = await browser.get(url, referrer ? { Referer: referrer } : {})
  if (response.status !== 200) throw new VisitorError(`GET ${new URL(url).pathname}: ${response.status}`)
  const page = readServedPage(response.body)
  if (!page.variantKey) throw new VisitorError('the page carries no data-variant')
  if (!page.runtime || !page.definition) throw new VisitorError('the page has no form to convert on')
  return page
}

/** Fills in the form like a person and posts it as the page script does; the conversion id, or null when held. */
async function submit(browser: Browser, page: ServedPageView, { pageUrl, random, options, channel }: { pageUrl: string; random: Random; options: SimulationOptions; channel: Channel }) {
  const definition = page.definition!
  const hiddenValues = Object.fromEntries(definition.fields.filter((f) => f.type === 'hidden').map((f) => [f.key, page.inputValue(f.key) ?? '']))
  const answers = answersFor(definition.fields, { person: drawPerson(random), channel, random, today: new Date(), hiddenValues })
  // The server holds submissions faster than the form's minimum fill time as spam: wait like a human.
  await sleep(fillDelayMs(random, { minFillSeconds: definition.minFillSeconds ?? 1, typicalSeconds: options.fillSeconds ?? [1.5, 4] }))
  const origin = new URL(pageUrl).origin
  const response = await browser.postJson(pageUrl, { ...page.runtime, ...answers }, { Referer: pageUrl, Origin: origin })
  if (response.status === 429) throw new VisitorError('429 too many submissions from one address: start the server with RATE_LIMITS=off, or simulate on loopback (one address per visitor)')
  if (response.status === 400) throw new VisitorError(`400 the form rejected the answers: ${response.body.slice(0, 300)}`)
  if (response.status !== 201) throw new VisitorError(`POST ${new URL(pageUrl).pathname}: ${response.status} ${response.body.slice(0, 200)}`)
  const result = JSON.parse(response.body) as { conversionId: string | null; held?: boolean }
  return result.held ? null : result.conversionId
}
