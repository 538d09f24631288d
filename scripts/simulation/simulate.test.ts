import { expect, test } from 'vitest'
import { formatReport, parseSimulateArgs } from './simulate'
import { loopbackSourceAddress } from './traffic'

test('reads the options, with defaults, and spreads source addresses only on loopback under Linux', () => {
  const parsed = parseSimulateArgs(['--page', 'demo-whitepaper', '--visitors', '500', '--rates', 'A=0.05,B=6%,C=0.062', '--seed', '9'], 'linux')
  expect(parsed).toEqual({
    ok: true,
    options: { baseUrl: 'http://localhost:3000', slug: 'demo-whitepaper', visitors: 500, rates: { A: 0.05, B: 0.06, C: 0.062 }, concurrency: 20, seed: 9, returnRate: 0.15, spreadAddresses: true },
  })
  const remote = parseSimulateArgs(['--page', 'p', '--rates', 'A=0.1', '--base-url', 'https://pages.example.com/x', '--concurrency', '5'], 'linux')
  expect(remote).toMatchObject({ ok: true, options: { baseUrl: 'https://pages.example.com', concurrency: 5, spreadAddresses: false } })
  expect(parseSimulateArgs(['--page', 'p', '--rates', 'A=0.1'], 'darwin')).toMatchObject({ options: { spreadAddresses: false } })
})

test.each([
  [['--rates', 'A=0.1'], /--page/],
  [['--page', 'Not A Slug', '--rates', 'A=0.1'], /--page/],
  [['--page', 'p'], /--rates is required/],
  [['--page', 'p', '--rates', 'A=1.5'], /"A=1.5"/],
  [['--page', 'p', '--rates', 'a=0.1'], /"a=0.1"/],
  [['--page', 'p', '--rates', 'A=0.1', '--visitors', '0'], /--visitors/],
  [['--page', 'p', '--rates', 'A=0.1', '--concurrency', 'many'], /--concurrency/],
  [['--page', 'p', '--rates', 'A=0.1', '--return-rate', '2'], /--return-rate/],
  [['--page', 'p', '--rates', 'A=0.1', '--base-url', 'localhost'], /--base-url/],
  [['--page', 'p', '--rates', 'A=0.1', '--bogus'], /bogus/],
])('refuses %j', (argv, message) => {
  const parsed = parseSimulateArgs(argv, 'linux')
  expect(parsed.ok).toBe(false)
  if (!parsed.ok) expect(parsed.message).toMatch(message)
})

test('prints each variant, the totals and the errors', () => {
  const options = { baseUrl: 'http://localhost:3000', slug: 'p', visitors: 10, rates: { A: 0.05, B: 0.06 }, concurrency: 2, seed: 1 }
  const text = formatReport(options, {
    byVariant: { B: { visitors: 5, conversions: 1, held: 0 }, A: { visitors: 4, conversions: 0, held: 1 } },
    outcomes: [],
    pageViews: 11,
    errors: { 'GET /p/p: 503': 1 },
    warnings: [],
    durationMs: 1500,
  })
  expect(text.split('\n').slice(0, 4)).toEqual([
    'variant  visitors  conversions  observed  true rate  held',
    'A               4            0      0.0%       5.0%     1',
    'B               5            1     20.0%       6.0%     0',
    'total           9            1     11.1%                1',
  ])
  expect(text).toContain('Errors (1):\n  1 × GET /p/p: 503')
})

test('source addresses are distinct loopback addresses, never 127.0.0.1', () => {
  const addresses = Array.from({ length: 70_000 }, (_, i) => loopbackSourceAddress(i))
  expect(new Set(addresses).size).toBe(addresses.length)
  for (const address of addresses.slice(0, 1000)) expect(address).toMatch(/^127\.(\d+)\.(\d+)\.(\d+)$/)
  expect(addresses).not.toContain('127.0.0.1')
  expect(addresses.every((a) => a.split('.').every((part) => Number(part) <= 255) && !a.endsWith('.0') && !a.endsWith('.255'))).toBe(true)
})
