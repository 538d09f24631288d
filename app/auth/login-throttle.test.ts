import { describe, expect, test } from 'vitest'
import { LOGIN_LIMITS, loginCounters, refusalMessage, refusingCounter } from './login-throttle'

describe('loginCounters', () => {
  test('an unfamiliar browser is held per account and address, per address and service-wide', () => {
    const counters = loginCounters({ email: 'ada@example.com', ip: '203.0.113.7', deviceId: null })
    expect(counters.map((c) => [c.key, c.limit, c.windowSeconds])).toEqual([
      ['login:account-address:ada@example.com|203.0.113.7', 10, 900],
      ['login:address:203.0.113.7', 30, 900],
      ['login:service', 100, 300],
    ])
  })

  test('a browser that logged into the account before is held to its own counter only', () => {
    expect(loginCounters({ email: 'ada@example.com', ip: '203.0.113.7', deviceId: 'dev1' })).toEqual([{ key: 'login:device:dev1', ...LOGIN_LIMITS.device, scope: 'device' }])
  })
})

describe('refusingCounter', () => {
  const counters = loginCounters({ email: 'a@b.c', ip: '1.2.3.4', deviceId: null })

  test('null while every counter is within its limit (the limit itself included)', () => {
    expect(
      refusingCounter(counters, [
        { count: 10, resets_in: 5 },
        { count: 30, resets_in: 5 },
        { count: 100, resets_in: 5 },
      ]),
    ).toBeNull()
  })

  test('names the counter over its limit and when it frees up; the latest wins', () => {
    expect(
      refusingCounter(counters, [
        { count: 11, resets_in: 120 },
        { count: 1, resets_in: 5 },
        { count: 1, resets_in: 5 },
      ]),
    ).toEqual({
      counter: counters[0],
      retryAfterSeconds: 120,
    })
    expect(
      refusingCounter(counters, [
        { count: 11, resets_in: 120 },
        { count: 31, resets_in: 600 },
        { count: 1, resets_in: 5 },
      ])?.counter.scope,
    ).toBe('address')
    // A window that has just ended still asks for a second, never 0.
    expect(
      refusingCounter(counters, [
        { count: 1, resets_in: 1 },
        { count: 1, resets_in: 1 },
        { count: 101, resets_in: 0 },
      ])?.retryAfterSeconds,
    ).toBe(1)
  })
})

test('refusal messages say when to retry, and what else works when the whole service is being guessed at', () => {
  expect(refusalMessage('account', 45)).toBe('Too many failed login attempts. Try again in 45 seconds.')
  expect(refusalMessage('address', 601)).toBe('Too many failed login attempts. Try again in 11 minutes.')
  expect(refusalMessage('service', 200)).toMatch(/on this service right now\. Try again in 4 minutes, or from a browser you have logged in with before/)
})
