import { randomInt } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { simulateTraffic, type SimulationOptions, type SimulationReport } from './traffic'
import { expectedRate } from '#app/demo/visitors'

// npm run simulate -- --page <slug> --visitors N --rates A=0.05,B=0.06 [--base-url URL] [--concurrency N] [--seed N]
// Sends real visitors to a running server (see traffic.ts) and prints what each variant got.

const USAGE = `Usage: npm run simulate -- --page <slug> --rates A=0.05,B=0.06 [options]

  --page <slug>        the published page to visit (/p/<slug>)
  --rates <list>       each variant's average conversion rate: A=0.05,B=0.06 (fractions, or percentages like 5%)
  --visitors <n>       how many visitors to send (default 100)
  --base-url <url>     the running server (default http://localhost:3000)
  --concurrency <n>    visitors at a time (default 20)
  --seed <n>           reproduce a run's visitors (default: random, printed)
  --return-rate <p>    share of visitors who view the page twice (default 0.15)`

type Parsed = { ok: true; options: SimulationOptions } | { ok: false; message: string }

const isLoopback = (hostname: string) => hostname === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(hostname)

function parseRates(text: string): Record<string, number> | string {
  const rates: Record<string, number> = {}
  for (const part of text.split(',')) {
    const match = /^\s*([A-Z]{1,2})\s*=\s*([\d.]+)(%?)\s*$/.exec(part)
    const rate = match ? Number(match[2]) / (match[3] ? 100 : 1) : NaN
    if (!match || !(rate >= 0 && rate <= 1)) return `--rates: "${part}" is not KEY=rate with a rate from 0 to 1 (or 0% to 100%)`
    rates[match[1]!] = rate
  }
  return rates
}

function parseCount(text: string | undefined, name: string, fallback: number, max: number): number | string {
  if (text === undefined) return fallback
  const n = Number(text)
  return Number.isInteger(n) && n >= 1 && n <= max ? n : `--${name} must be a whole number from 1 to ${max}`
}

export function parseSimulateArgs(argv: string[], platform: string = process.platform): Parsed {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        page: { type: 'string' },
        visitors: { type: 'string' },
        rates: { type: 'string' },
        'base-url': { type: 'string' },
        concurrency: { type: 'string' },
        seed: { type: 'string' },
        'return-rate': { type: 'string' },
        help: { type: 'boolean' },
      },
    }))
  } catch (error) {
    return { ok: false, message: (error as Error).message }
  }
  if (values.help) return { ok: false, message: '' }
  if (!values.page || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.page)) return { ok: false, message: '--page must be a page slug, like demo-whitepaper' }
  if (!values.rates) return { ok: false, message: '--rates is required, like A=0.05,B=0.06' }
  const rates = parseRates(values.rates)
  const visitors = parseCount(values.visitors, 'visitors', 100, 1_000_000)
  const concurrency = parseCount(values.concurrency, 'concurrency', 20, 1000)
  const seed = parseCount(values.seed, 'seed', randomInt(1, 2 ** 31), 2 ** 32 - 1)
  const returnRate = values['return-rate'] === undefined ? 0.15 : Number(values['return-rate'])
  const problem = [rates, visitors, concurrency, seed].find((v) => typeof v === 'string')
  if (problem) return { ok: false, message: problem as string }
  if (!(returnRate >= 0 && returnRate <= 1)) return { ok: false, message: '--return-rate must be from 0 to 1' }
  let baseUrl: URL
  try {
    baseUrl = new URL(values['base-url'] ?? 'http://localhost:3000')
  } catch {
    return { ok: false, message: '--base-url must be a URL like http://localhost:3000' }
  }
  return {
    ok: true,
    options: {
      baseUrl: baseUrl.origin,
      slug: values.page,
      visitors: visitors as number,
      rates: rates as Record<string, number>,
      concurrency: concurrency as number,
      seed: seed as number,
      returnRate,
      // Per-IP submission limits would otherwise see every visitor as one person.
      spreadAddresses: platform === 'linux' && isLoopback(baseUrl.hostname),
    },
  }
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`

export function formatReport(options: SimulationOptions, report: SimulationReport): string {
  // The true rate is what the visitors' chances average to: the rate asked for, unless it is so high that the
  // likeliest visitors' chances cap at 100 %.
  const rows = [['variant', 'visitors', 'conversions', 'observed', 'true rate', 'held']]
  const keys = Object.keys(report.byVariant).sort((a, b) => a.length - b.length || a.localeCompare(b))
  const total = { visitors: 0, conversions: 0, held: 0 }
  for (const key of keys) {
    const t = report.byVariant[key]!
    rows.push([
      key,
      String(t.visitors),
      String(t.conversions),
      percent(t.conversions / t.visitors),
      options.rates[key] === undefined ? '—' : percent(expectedRate(options.rates[key]!)),
      String(t.held),
    ])
    for (const k of ['visitors', 'conversions', 'held'] as const) total[k] += t[k]
  }
  rows.push(['total', String(total.visitors), String(total.conversions), total.visitors ? percent(total.conversions / total.visitors) : '—', '', String(total.held)])
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const table = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
  const errors = Object.entries(report.errors)
  return [
    ...table,
    '',
    `${(report.durationMs / 1000).toFixed(1)} s; conversions held as spam: ${total.held}`,
    ...report.warnings,
    errors.length ? `Errors (${errors.reduce((n, [, count]) => n + count, 0)}):` : 'Errors: none',
    ...errors.map(([message, count]) => `  ${count} × ${message}`),
  ].join('\n')
}

async function main() {
  const parsed = parseSimulateArgs(process.argv.slice(2))
  if (!parsed.ok) {
    console.error(parsed.message ? `${parsed.message}\n\n${USAGE}` : USAGE)
    process.exit(parsed.message ? 2 : 0)
  }
  const { options } = parsed
  const health = await fetch(`${options.baseUrl}/healthz`).catch(() => null)
  if (!health) {
    console.error(`No server answers at ${options.baseUrl}: start one with \`npm start\` (or pass --base-url).`)
    process.exit(1)
  }
  console.log(`Simulating ${options.visitors} visitors on ${options.baseUrl}/p/${options.slug}, ${options.concurrency} at a time (seed ${options.seed})…`)
  const report = await simulateTraffic(options)
  console.log(formatReport(options, report))
  process.exit(Object.keys(report.errors).length ? 1 : 0)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
