import { BlockList, isIP } from 'node:net'

// Which IP addresses a webhook may be sent to: public unicast only. Everything in the IANA IPv4 and IPv6
// Special-Purpose Address Registries is refused (the entries marked globally reachable too: AS112, AMT and the
// like host no webhook receivers), and so is multicast, the deprecated IPv4-compatible and site-local blocks,
// and, as a net under it all, any IPv6 address outside 2000::/3, the only block IANA hands out as global
// unicast. Node's BlockList does the matching; addresses are never parsed by hand.

type Block = readonly [network: string, prefix: number, name: string]

export const IPV4_SPECIAL_BLOCKS: readonly Block[] = [
  ['0.0.0.0', 8, '"This network"'],
  ['10.0.0.0', 8, 'Private-Use'],
  ['100.64.0.0', 10, 'Shared Address Space (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'Loopback'],
  ['169.254.0.0', 16, 'Link Local (cloud metadata)'],
  ['172.16.0.0', 12, 'Private-Use'],
  ['192.0.0.0', 24, 'IETF Protocol Assignments'],
  ['192.0.2.0', 24, 'Documentation (TEST-NET-1)'],
  ['192.31.196.0', 24, 'AS112-v4'],
  ['192.52.193.0', 24, 'AMT'],
  ['192.88.99.0', 24, 'Deprecated (6to4 Relay Anycast)'],
  ['192.168.0.0', 16, 'Private-Use'],
  ['192.175.48.0', 24, 'Direct Delegation AS112 Service'],
  ['198.18.0.0', 15, 'Benchmarking'],
  ['198.51.100.0', 24, 'Documentation (TEST-NET-2)'],
  ['203.0.113.0', 24, 'Documentation (TEST-NET-3)'],
  ['224.0.0.0', 4, 'Multicast'],
  ['240.0.0.0', 4, 'Reserved'],
  ['255.255.255.255', 32, 'Limited Broadcast'],
]

export const IPV6_SPECIAL_BLOCKS: readonly Block[] = [
  ['::', 128, 'Unspecified'],
  ['::1', 128, 'Loopback'],
  ['::', 96, 'IPv4-compatible (deprecated)'],
  ['::ffff:0:0', 96, 'IPv4-mapped (judged as the IPv4 address it carries)'],
  ['64:ff9b::', 96, 'IPv4-IPv6 Translation, NAT64 (judged as the IPv4 address it carries)'],
  ['64:ff9b:1::', 48, 'IPv4-IPv6 Translation, local use'],
  ['100::', 64, 'Discard-Only'],
  ['100:0:0:1::', 64, 'Dummy IPv6 Prefix'],
  ['2001::', 23, 'IETF Protocol Assignments (Teredo 2001::/32, benchmarking, AMT, AS112, ORCHID, …)'],
  ['2001:db8::', 32, 'Documentation'],
  ['2002::', 16, '6to4'],
  ['2620:4f:8000::', 48, 'Direct Delegation AS112 Service'],
  ['3fff::', 20, 'Documentation'],
  ['5f00::', 16, 'Segment Routing SIDs'],
  ['fc00::', 7, 'Unique-Local'],
  ['fe80::', 10, 'Link-Local Unicast'],
  ['fec0::', 10, 'Site-Local (deprecated)'],
  ['ff00::', 8, 'Multicast'],
]

// The complement of 2000::/3: catches whatever the registry adds outside global unicast later.
const IPV6_OUTSIDE_GLOBAL_UNICAST: readonly Block[] = [
  ['::', 3, ''],
  ['4000::', 2, ''],
  ['8000::', 1, ''],
]

// Separate lists, because a BlockList matches IPv4 rules against IPv4-mapped IPv6 and the other way round:
// one list holding ::/3 would refuse every IPv4 address.
const ipv4Special = listOf(IPV4_SPECIAL_BLOCKS, 'ipv4')
const ipv6Special = listOf([...IPV6_SPECIAL_BLOCKS, ...IPV6_OUTSIDE_GLOBAL_UNICAST], 'ipv6')
const ipv4Mapped = listOf([['::ffff:0:0', 96, '']], 'ipv6')
const nat64 = listOf([['64:ff9b::', 96, '']], 'ipv6')
// 64:ff9b::a9fe:a9fe is 169.254.169.254 through a NAT64 translator: the IPv4 blocks again, under 64:ff9b::/96.
const nat64Special = listOf(
  IPV4_SPECIAL_BLOCKS.map(([network, prefix, name]) => [`64:ff9b::${network}`, 96 + prefix, name] as const),
  'ipv6',
)

function listOf(blocks: readonly Block[], type: 'ipv4' | 'ipv6') {
  const list = new BlockList()
  for (const [network, prefix] of blocks) list.addSubnet(network, prefix, type)
  return list
}

/**
 * True only for an IP address a webhook may connect to. Anything else is false: special-purpose addresses,
 * zone-scoped ones (fe80::1%eth0), and text that is not an IP address at all (fail closed).
 */
export function isPublicAddress(address: string) {
  const family = isIP(address)
  if (family === 0 || address.includes('%')) return false
  if (family === 4) return !ipv4Special.check(address, 'ipv4')
  // Connecting to ::ffff:a.b.c.d reaches a.b.c.d; through the well-known NAT64 prefix, a translator does.
  if (ipv4Mapped.check(address, 'ipv6')) return !ipv4Special.check(address, 'ipv6')
  if (nat64.check(address, 'ipv6')) return !nat64Special.check(address, 'ipv6')
  return !ipv6Special.check(address, 'ipv6')
}

/** `localhost`, any name under it (RFC 6761), with or without the trailing dot of a fully qualified name. */
export function isLocalhostName(host: string) {
  const name = host.toLowerCase().replace(/\.+$/, '')
  return name === 'localhost' || name.endsWith('.localhost')
}
