import { expect, test } from 'vitest'
import { IPV4_SPECIAL_BLOCKS, IPV6_SPECIAL_BLOCKS, isLocalhostName, isPublicAddress } from './special-addresses.server'
import { isVisiblyPrivateUrl, resolveWebhookTarget, type Resolver } from './target.server'

// The first and last address of every refused block: the IANA IPv4 and IPv6 Special-Purpose Address
// Registries, multicast, and the deprecated IPv4-compatible and site-local blocks.
const REFUSED_V4: [string, string][] = [
  ['0.0.0.0', '0.255.255.255'],
  ['10.0.0.0', '10.255.255.255'],
  ['100.64.0.0', '100.127.255.255'],
  ['127.0.0.0', '127.255.255.255'],
  ['169.254.0.0', '169.254.255.255'],
  ['172.16.0.0', '172.31.255.255'],
  ['192.0.0.0', '192.0.0.255'],
  ['192.0.2.0', '192.0.2.255'],
  ['192.31.196.0', '192.31.196.255'],
  ['192.52.193.0', '192.52.193.255'],
  ['192.88.99.0', '192.88.99.255'],
  ['192.168.0.0', '192.168.255.255'],
  ['192.175.48.0', '192.175.48.255'],
  ['198.18.0.0', '198.19.255.255'],
  ['198.51.100.0', '198.51.100.255'],
  ['203.0.113.0', '203.0.113.255'],
  ['224.0.0.0', '239.255.255.255'],
  ['240.0.0.0', '255.255.255.254'],
  ['255.255.255.255', '255.255.255.255'],
]

const REFUSED_V6: [string, string][] = [
  ['::', '::'],
  ['::1', '::1'],
  ['::0.0.0.2', '::255.255.255.255'], // IPv4-compatible, whatever it carries (::8.8.8.8 included)
  ['::ffff:0.0.0.0', '::ffff:0.255.255.255'], // IPv4-mapped: refused when the IPv4 address is…
  ['::ffff:127.0.0.0', '::ffff:127.255.255.255'],
  ['::ffff:169.254.169.254', '::ffff:a9fe:a9fe'],
  ['::ffff:10.0.0.0', '::ffff:10.255.255.255'],
  ['::ffff:255.255.255.255', '::ffff:224.0.0.0'],
  ['64:ff9b::0.0.0.0', '64:ff9b::0.255.255.255'], // NAT64: refused when the IPv4 address is…
  ['64:ff9b::a9fe:a9fe', '64:ff9b::169.254.0.0'],
  ['64:ff9b::127.0.0.1', '64:ff9b::7f00:1'],
  ['64:ff9b::10.0.0.0', '64:ff9b::10.255.255.255'],
  ['64:ff9b::192.168.0.0', '64:ff9b::192.168.255.255'],
  ['64:ff9b::240.0.0.0', '64:ff9b::ffff:ffff'],
  ['64:ff9b:1::', '64:ff9b:1:ffff:ffff:ffff:ffff:ffff'],
  ['100::', '100::ffff:ffff:ffff:ffff'],
  ['100:0:0:1::', '100::1:ffff:ffff:ffff:ffff'],
  ['2001::', '2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['2001::1', '2001:0:ffff:ffff:ffff:ffff:ffff:ffff'], // Teredo
  ['2001:db8::', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['2002::', '2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff'], // 6to4, 2002:7f00:1:: included
  ['2620:4f:8000::', '2620:4f:8000:ffff:ffff:ffff:ffff:ffff'],
  ['3fff::', '3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['5f00::', '5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['fc00::', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['fe80::', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['fec0::', 'feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['ff00::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  // Outside 2000::/3, global unicast: not assigned, refused all the same.
  ['1::', '1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['4000::', '5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['8000::', 'fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
]

// Public neighbours of the blocks above, and well-known public resolvers.
const PUBLIC = [
  '1.0.0.0',
  '8.8.8.8',
  '1.1.1.1',
  '9.9.9.9',
  '100.63.255.255',
  '100.128.0.0',
  '126.255.255.255',
  '128.0.0.0',
  '169.253.255.255',
  '169.255.0.0',
  '172.15.255.255',
  '172.32.0.0',
  '192.0.1.255',
  '192.0.3.0',
  '192.88.98.255',
  '192.88.100.0',
  '192.167.255.255',
  '192.169.0.0',
  '198.17.255.255',
  '198.20.0.0',
  '198.51.99.255',
  '198.51.101.0',
  '203.0.112.255',
  '203.0.114.0',
  '223.255.255.255',
  '2000::1',
  '2001:200::',
  '2001:4860:4860::8888',
  '2001:db7:ffff:ffff:ffff:ffff:ffff:ffff',
  '2001:db9::',
  '2003::',
  '2606:4700:4700::1111',
  '2620:4f:7fff:ffff:ffff:ffff:ffff:ffff',
  '2620:4f:8001::',
  '2a00:1450:4001::200e',
  '3ffe:ffff::1',
  '3fff:1000::',
  // The IPv4 they carry is public: connecting to them reaches it.
  '::ffff:8.8.8.8',
  '::ffff:808:808',
  '::ffff:1.0.0.0',
  '::ffff:223.255.255.255',
  '64:ff9b::8.8.8.8',
  '64:ff9b::808:808',
  '64:ff9b::1.0.0.0',
  '64:ff9b::223.255.255.255',
]

test('every address at either end of every special-purpose block is refused; public neighbours are not', () => {
  const refused = [...REFUSED_V4, ...REFUSED_V6].flat()
  expect(refused.filter(isPublicAddress)).toEqual([])
  expect(PUBLIC.filter((a) => !isPublicAddress(a))).toEqual([])
})

test('the tables above cover every block the check lists', () => {
  const firsts = new Set([...REFUSED_V4, ...REFUSED_V6].map(([first]) => first))
  for (const [network] of IPV4_SPECIAL_BLOCKS) expect(firsts, network).toContain(network)
  const v6Firsts = new Set([...firsts].map((a) => (a.includes(':') ? a : '')))
  for (const [network, prefix] of IPV6_SPECIAL_BLOCKS) {
    if (network === '::ffff:0:0' || network === '64:ff9b::') continue // judged by the IPv4 they carry, above
    expect(v6Firsts.has(network) || (network === '::' && prefix === 96), `${network}/${prefix}`).toBe(true)
  }
})

test('what is not an address, or is zone-scoped, is never public', () => {
  for (const text of ['', 'example.com', 'localhost', '0x7f.1', '2130706433', '0177.0.0.1', '127.1', 'fe80::1%eth0', '2001:4860::8888%1']) {
    expect(isPublicAddress(text), text).toBe(false)
  }
})

test('localhost names, with or without the trailing dot', () => {
  for (const name of ['localhost', 'LOCALHOST', 'localhost.', 'api.localhost', 'a.b.localhost.', 'localhost..']) expect(isLocalhostName(name), name).toBe(true)
  for (const name of ['localhost.example.com', 'notlocalhost', 'example.com.']) expect(isLocalhostName(name), name).toBe(false)
})

test('URLs whose host is visibly private, in every spelling URL parsing accepts', () => {
  const spellings = [
    'http://localhost:3000/x',
    'http://localhost./',
    'http://LocalHost./',
    'http://api.localhost/',
    'http://api.localhost./',
    'http://[::1]/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://0x7f000001/',
    'http://017700000001/',
    'http://127.1/',
    'http://127.0.0.1./',
    'https://[::ffff:127.0.0.1]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[64:ff9b::169.254.169.254]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://[::a9fe:a9fe]/',
    'http://[fec0::1]/',
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
    'http://0.0.0.0/',
    'http://[::]/',
    'http://169.254.169.254/latest/meta-data/',
  ]
  expect(spellings.filter((url) => !isVisiblyPrivateUrl(url))).toEqual([])
  expect(isVisiblyPrivateUrl('https://hooks.example.com/in')).toBe(false)
  expect(isVisiblyPrivateUrl('https://8.8.8.8/in')).toBe(false)
})

// A resolver that answers from a table, and counts the questions: no DNS needed.
function fakeDns(table: Record<string, string[]>) {
  const asked: string[] = []
  const resolve: Resolver = async (hostname) => {
    asked.push(hostname)
    return (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
  return { resolve, asked }
}

test('sending resolves once, checks every address, and keeps the one to connect to', async () => {
  const dns = fakeDns({
    'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'rebind.example.com': ['93.184.215.14', '127.0.0.1'],
    'metadata.example.com': ['64:ff9b::a9fe:a9fe'],
    'sixtofour.example.com': ['2002:7f00:1::1'],
    'teredo.example.com': ['2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    'compat.example.com': ['::7f00:1'],
    'sitelocal.example.com': ['fec0::1'],
  })
  const check = (url: string, allowPrivate = false) => resolveWebhookTarget(url, { allowPrivate, resolve: dns.resolve })

  expect(await check('https://hooks.example.com/in')).toMatchObject({ ok: true, address: '93.184.215.14', family: 4 })
  expect(dns.asked).toEqual(['hooks.example.com'])
  for (const host of ['rebind', 'metadata', 'sixtofour', 'teredo', 'compat', 'sitelocal']) {
    expect(await check(`https://${host}.example.com/in`), host).toEqual({ ok: false, reason: 'Refused: private or local address' })
  }
  expect(await check('https://nowhere.example.com/')).toEqual({ ok: false, reason: 'No address found for nowhere.example.com' })
  // Names that are local by definition are refused before any lookup; IP literals are never looked up.
  dns.asked.length = 0
  for (const url of ['http://localhost./x', 'http://a.localhost/', 'http://0x7f.1/', 'http://[::ffff:a9fe:a9fe]/']) expect((await check(url)).ok, url).toBe(false)
  expect(await check('https://8.8.8.8/x')).toMatchObject({ ok: true, address: '8.8.8.8' })
  expect(dns.asked).toEqual([])
})

test('the operator allowance lets private targets through, but never other schemes', async () => {
  const dns = fakeDns({ 'receiver.test': ['127.0.0.1'] })
  expect(await resolveWebhookTarget('http://receiver.test:9/x', { allowPrivate: true, resolve: dns.resolve })).toMatchObject({ ok: true, address: '127.0.0.1' })
  expect(await resolveWebhookTarget('http://127.0.0.1:9/x', { allowPrivate: true })).toMatchObject({ ok: true, address: '127.0.0.1' })
  expect(await resolveWebhookTarget('ftp://8.8.8.8/x', { allowPrivate: true })).toEqual({ ok: false, reason: 'Refused: ftp: URLs are not sent to' })
})
