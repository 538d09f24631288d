import { expect, test } from 'vitest'
import { checkWebhookTarget, isPrivateAddress, isVisiblyPrivateUrl } from './target.server'

test('private, loopback, link-local and mapped addresses are private; public ones are not', () => {
  const privateOnes = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe']
  const publicOnes = ['8.8.8.8', '172.32.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '::ffff:808:808']
  expect(privateOnes.filter((a) => !isPrivateAddress(a))).toEqual([])
  expect(publicOnes.filter(isPrivateAddress)).toEqual([])
  expect(isPrivateAddress('example.com')).toBe(false)
})

test('URLs whose host is visibly private, in the spellings URLs normalise to', () => {
  for (const url of ['http://localhost:3000/x', 'http://api.localhost/', 'http://[::1]/', 'http://2130706433/', 'http://0x7f.1/', 'https://[::ffff:127.0.0.1]/']) {
    expect(isVisiblyPrivateUrl(url), url).toBe(true)
  }
  expect(isVisiblyPrivateUrl('https://hooks.example.com/in')).toBe(false)
})

test('sending refuses private targets unless allowed, and non-http schemes always', async () => {
  expect(await checkWebhookTarget('http://127.0.0.1:9/x', { allowPrivate: false })).toMatch(/Refused/)
  expect(await checkWebhookTarget('http://localhost:9/x', { allowPrivate: false })).toMatch(/Refused/)
  expect(await checkWebhookTarget('http://127.0.0.1:9/x', { allowPrivate: true })).toBeNull()
  expect(await checkWebhookTarget('https://8.8.8.8/x', { allowPrivate: false })).toBeNull()
  expect(await checkWebhookTarget('ftp://8.8.8.8/x', { allowPrivate: true })).toMatch(/ftp:/)
})
