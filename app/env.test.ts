import { expect, test } from 'vitest'
import { parseEnv } from './env.server'

const embedded = { DATA_DIR: 'memory://' }

test('defaults: port 3000, embedded database, rate limits on, no proxy trusted', () => {
  expect(parseEnv({ ...embedded, PORT: '', DATABASE_URL: '' })).toMatchObject({ PORT: 3000, RATE_LIMITS: 'on', trustProxyHops: 0 })
  expect(parseEnv({}).DATA_DIR).toBe('./.data')
})

test('every bad variable is named in one message', () => {
  const message = (() => {
    try {
      parseEnv({ ...embedded, PORT: 'eighty', DATABASE_URL: 'mysql://x', RATE_LIMITS: 'maybe', TRUST_PROXY: 'yes' })
    } catch (e) {
      return (e as Error).message
    }
  })()
  expect(message).toMatch(/^Invalid configuration/)
  for (const name of ['PORT', 'DATABASE_URL', 'RATE_LIMITS', 'TRUST_PROXY']) expect(message).toContain(name)
})

test('a real database in production needs SESSION_SECRET', () => {
  expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/x' })).toThrow(/SESSION_SECRET: is required with DATABASE_URL/)
  expect(parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/x', SESSION_SECRET: 's'.repeat(32) }).sessionSecret).toBe('s'.repeat(32))
})

test('TRUST_PROXY counts hops', () => {
  expect(parseEnv({ ...embedded, TRUST_PROXY: 'true' }).trustProxyHops).toBe(1)
  expect(parseEnv({ ...embedded, TRUST_PROXY: '2' }).trustProxyHops).toBe(2)
  expect(parseEnv({ ...embedded, TRUST_PROXY: 'false' }).trustProxyHops).toBe(0)
})

test('mail: SMTP_URL, MAIL_FROM and APP_URL are checked, and APP_URL loses its trailing slash', () => {
  const env = parseEnv({ ...embedded, SMTP_URL: 'smtps://u:p@mail.example.com:465', MAIL_FROM: 'Sales <sales@example.com>', APP_URL: 'https://app.example.com/' })
  expect(env).toMatchObject({ SMTP_URL: 'smtps://u:p@mail.example.com:465', MAIL_FROM: 'Sales <sales@example.com>', APP_URL: 'https://app.example.com' })
  expect(parseEnv(embedded).SMTP_URL).toBeUndefined()
  expect(() => parseEnv({ ...embedded, SMTP_URL: 'http://mail.example.com', MAIL_FROM: 'nobody', APP_URL: 'ftp://x' })).toThrow(/SMTP_URL[\s\S]*MAIL_FROM[\s\S]*APP_URL/)
})

test('CMP_ALLOWED_HOSTS: host suffixes separated by commas, trimmed and lower-cased; a bad one is named', () => {
  expect(parseEnv(embedded).CMP_ALLOWED_HOSTS).toEqual([])
  expect(parseEnv({ ...embedded, CMP_ALLOWED_HOSTS: ' CMP.Example.com, consent.example.org ,127.0.0.1,' }).CMP_ALLOWED_HOSTS).toEqual(['cmp.example.com', 'consent.example.org', '127.0.0.1'])
  for (const bad of ['*.example.com', 'https://cmp.example.com', 'cmp.example.com:443', '.example.com', "cmp.example.com;script-src 'unsafe-inline'"]) {
    expect(() => parseEnv({ ...embedded, CMP_ALLOWED_HOSTS: `ok.example.com,${bad}` }), bad).toThrow(
      `CMP_ALLOWED_HOSTS.1: must be host names separated by commas, e.g. cmp.example.com,consent.example.org; ${bad} is not one`,
    )
  }
})
