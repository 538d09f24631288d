import { expect, test } from 'vitest'
import { resolveClientIp } from './client-ip'

test('ignores X-Forwarded-For unless proxies are trusted', () => {
  expect(resolveClientIp({ socketAddress: '::ffff:10.0.0.9', forwardedFor: '1.2.3.4', hops: 0 })).toBe('10.0.0.9')
})

test('takes the entry our own proxy appended, not one the client forged', () => {
  expect(resolveClientIp({ socketAddress: '10.0.0.9', forwardedFor: '6.6.6.6, 1.2.3.4', hops: 1 })).toBe('1.2.3.4')
  expect(resolveClientIp({ socketAddress: '10.0.0.9', forwardedFor: '6.6.6.6, 1.2.3.4, 10.0.0.2', hops: 2 })).toBe('1.2.3.4')
  expect(resolveClientIp({ socketAddress: '10.0.0.9', forwardedFor: ['1.2.3.4'], hops: 3 })).toBe('1.2.3.4')
})

test('falls back to the socket when the header is empty', () => {
  expect(resolveClientIp({ socketAddress: '10.0.0.9', forwardedFor: ' , ', hops: 1 })).toBe('10.0.0.9')
})
