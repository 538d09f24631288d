import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

// Webhook URLs are typed in by workspace members, and the server then POSTs to them: without a check, anyone with
// the editor role could make our servers call the cloud metadata endpoint or an internal admin port (SSRF).
// Loopback, private, link-local, carrier-grade NAT, multicast and reserved ranges are refused unless the operator
// allows them (WEBHOOK_PRIVATE_TARGETS=allow; the default outside production, so local receivers work in dev and
// tests). The check runs on the addresses DNS returns just before each send; a hostile DNS server could still
// answer differently between our lookup and fetch's own (DNS rebinding), so production deployments that must be
// airtight should also send through an egress proxy or firewall.

const privateRanges = new BlockList()
const ipv4: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 3],
]
const ipv6: [string, number][] = [['::', 127], ['64:ff9b:1::', 48], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32]]
for (const [network, prefix] of ipv4) privateRanges.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of ipv6) privateRanges.addSubnet(network, prefix, 'ipv6')

/** True for an IP literal we must not send to. IPv4-mapped IPv6 (::ffff:7f00:1) is judged as the IPv4 it carries. */
export function isPrivateAddress(address: string) {
  const family = isIP(address)
  return family !== 0 && privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost')

/** For the settings form: a URL whose host is visibly private (an IP literal or localhost), without DNS. */
export function isVisiblyPrivateUrl(url: string) {
  const host = hostOf(new URL(url))
  return isLocalName(host) || isPrivateAddress(host)
}

/** Null when `url` may be sent to now, else why not (shown in the delivery log). */
export async function checkWebhookTarget(url: string, { allowPrivate }: { allowPrivate: boolean }): Promise<string | null> {
  const parsed = new URL(url)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `Refused: ${parsed.protocol} URLs are not sent to`
  if (allowPrivate) return null
  const host = hostOf(parsed)
  if (isLocalName(host)) return 'Refused: private or local address'
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address)
  return addresses.some(isPrivateAddress) ? 'Refused: private or local address' : null
}
