import { expect, test } from 'vitest'
import { CHANNEL_LABELS, CHANNELS, classifyChannel, hostOf, type ChannelInput } from './channel'

const landingHost = 'www.acme.test'

test.each<[string, ChannelInput, string]>([
  ['cpc medium', { utmSource: 'google', utmMedium: 'cpc' }, 'paid_search'],
  ['PPC, any case', { utmSource: 'bing', utmMedium: ' PPC ' }, 'paid_search'],
  ['paid_search medium', { utmMedium: 'paid_search' }, 'paid_search'],
  ['sem medium', { utmMedium: 'sem', referrer: 'https://www.google.com/' }, 'paid_search'],
  ['gclid without UTM', { referrer: 'https://www.google.com/', gclid: true }, 'paid_search'],
  ['paid social medium', { utmSource: 'linkedin', utmMedium: 'paid_social' }, 'social'],
  ['paidsocial medium', { utmMedium: 'paidsocial' }, 'social'],
  ['cpc on facebook is paid social', { utmSource: 'facebook', utmMedium: 'cpc' }, 'social'],
  ['cpc on m.facebook.com is paid social', { utmSource: 'm.facebook.com', utmMedium: 'cpc' }, 'social'],
  ['email medium', { utmSource: 'mailchimp', utmMedium: 'email' }, 'email'],
  ['e-mail medium', { utmMedium: 'E-Mail' }, 'email'],
  ['newsletter medium beats a social referrer', { utmMedium: 'newsletter', referrer: 'https://t.co/abc' }, 'email'],
  ['social medium', { utmSource: 'partner', utmMedium: 'social' }, 'social'],
  ['social-network medium', { utmMedium: 'social-network' }, 'social'],
  ['sm medium', { utmMedium: 'sm' }, 'social'],
  ['google source, organic', { utmSource: 'google', utmMedium: 'organic' }, 'organic_search'],
  ['"Google Ads" source without a paid medium', { utmSource: 'Google Ads' }, 'organic_search'],
  ['duckduckgo.com source', { utmSource: 'duckduckgo.com' }, 'organic_search'],
  ['linkedin source', { utmSource: 'linkedin' }, 'social'],
  ['google.co.uk referrer', { referrer: 'https://www.google.co.uk/' }, 'organic_search'],
  ['google.com.au referrer', { referrer: 'https://google.com.au/search' }, 'organic_search'],
  ['bing referrer', { referrer: 'https://www.bing.com/search?q=forms' }, 'organic_search'],
  ['duckduckgo referrer', { referrer: 'https://duckduckgo.com/' }, 'organic_search'],
  ['yahoo referrer', { referrer: 'https://search.yahoo.co.jp/' }, 'organic_search'],
  ['ecosia referrer', { referrer: 'https://www.ecosia.org/' }, 'organic_search'],
  ['baidu referrer', { referrer: 'https://www.baidu.com/link' }, 'organic_search'],
  ['yandex referrer', { referrer: 'https://yandex.ru/' }, 'organic_search'],
  ['brave search referrer', { referrer: 'https://search.brave.com/' }, 'organic_search'],
  ['startpage referrer', { referrer: 'https://www.startpage.com/' }, 'organic_search'],
  ['stored host + path referrer', { referrer: 'www.google.com/search' }, 'organic_search'],
  ['facebook referrer', { referrer: 'https://l.facebook.com/l.php' }, 'social'],
  ['fb.com referrer', { referrer: 'https://fb.com/' }, 'social'],
  ['instagram referrer', { referrer: 'https://l.instagram.com/' }, 'social'],
  ['linkedin referrer', { referrer: 'https://www.linkedin.com/feed/' }, 'social'],
  ['lnkd.in referrer', { referrer: 'https://lnkd.in/abc' }, 'social'],
  ['t.co referrer', { referrer: 'https://t.co/xyz' }, 'social'],
  ['twitter referrer', { referrer: 'https://twitter.com/' }, 'social'],
  ['x.com referrer', { referrer: 'https://x.com/acme' }, 'social'],
  ['reddit referrer', { referrer: 'https://old.reddit.com/r/saas' }, 'social'],
  ['youtube referrer', { referrer: 'https://m.youtube.com/' }, 'social'],
  ['pinterest.de referrer', { referrer: 'https://www.pinterest.de/' }, 'social'],
  ['tiktok referrer', { referrer: 'https://www.tiktok.com/' }, 'social'],
  ['threads referrer', { referrer: 'https://www.threads.net/' }, 'social'],
  ['mastodon referrer', { referrer: 'https://mastodon.social/@acme' }, 'social'],
  ['gmail referrer', { referrer: 'https://mail.google.com/' }, 'email'],
  ['outlook referrer', { referrer: 'https://outlook.live.com/mail/0/' }, 'email'],
  ['yahoo mail referrer', { referrer: 'https://mail.yahoo.com/' }, 'email'],
  ['another site', { referrer: 'https://blog.partner.test/review' }, 'referral'],
  ['a site merely named like google', { referrer: 'https://google.evil.test/' }, 'referral'],
  ['a site containing x.com', { referrer: 'https://box.com/' }, 'referral'],
  ['a subdomain of the landing site', { referrer: 'https://blog.acme.test/post' }, 'referral'],
  ['no referrer', {}, 'direct'],
  ['empty referrer', { referrer: '' }, 'direct'],
  ['the landing host itself', { referrer: 'https://acme.test/pricing' }, 'direct'],
  ['the landing host with a port', { referrer: 'https://www.acme.test:443/' }, 'direct'],
  ['an unreadable referrer', { referrer: 'not a url at all' }, 'direct'],
  // Issue 17: a tagged visit is a campaign, never direct.
  ['unknown medium with no referrer', { utmSource: 'partner', utmMedium: 'banner' }, 'referral'],
  ["the walkthrough's utm_source=walk&utm_medium=test", { utmSource: 'walk', utmMedium: 'test' }, 'referral'],
  ['only an unknown utm_source', { utmSource: 'walk' }, 'referral'],
  ['only an unknown utm_medium, from the landing host', { utmMedium: 'qr', referrer: 'https://acme.test/' }, 'referral'],
  ['a blank utm_source is no tag', { utmSource: '  ' }, 'direct'],
  ['unknown medium from a known social source', { utmSource: 'linkedin', utmMedium: 'test' }, 'social'],
  ['unknown medium from a known search source', { utmSource: 'bing', utmMedium: 'test' }, 'organic_search'],
  ['unknown medium, newsletter source', { utmSource: 'Newsletter', utmMedium: 'test' }, 'email'],
  ['organic medium from an unknown source', { utmSource: 'startpage-partner', utmMedium: 'organic' }, 'organic_search'],
  ['referral medium beats a search referrer', { utmSource: 'partner', utmMedium: 'referral', referrer: 'https://www.google.com/' }, 'referral'],
  ["unknown tag with a search referrer keeps the referrer's channel", { utmSource: 'walk', utmMedium: 'test', referrer: 'https://www.google.com/' }, 'organic_search'],
])('%s → %s', (_name, input, channel) => {
  expect(classifyChannel({ landingHost, ...input })).toBe(channel)
})

test('every channel has a label', () => {
  expect(Object.keys(CHANNEL_LABELS).sort()).toEqual([...CHANNELS].sort())
})

test('hosts are read from URLs, stored referrers and bare hosts', () => {
  expect(hostOf('https://user:pw@WWW.Example.com:8080/path?q=1#x')).toBe('example.com')
  expect(hostOf('example.com/path')).toBe('example.com')
  expect(hostOf('example.com.')).toBe('example.com')
  expect(hostOf('')).toBeNull()
  expect(hostOf('exa mple.com')).toBeNull()
})
