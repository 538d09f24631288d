import { expect, test } from 'vitest'
import { DEFAULT_MIN_FILL_SECONDS, SPAM_REASONS, spamReasonOf, type SpamCheckInput } from '#app/conversions/spam-rules'

const person = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'
const now = 1_800_000_000_000
const check = (input: Partial<SpamCheckInput>) => spamReasonOf({ honeypot: '', userAgent: person, renderedAt: now - 5_000, minFillSeconds: undefined, now, ...input })

test('a person who took their time passes every check', () => {
  expect(check({})).toBeNull()
  expect(check({ honeypot: undefined })).toBeNull()
  expect(check({ honeypot: '   ' })).toBeNull()
})

test('each check names its reason, in the order they are made, and the review screen has words for each', () => {
  expect(check({ honeypot: 'https://spam.example', userAgent: 'Googlebot/2.1', renderedAt: null })).toBe('honeypot')
  expect(check({ honeypot: ['x'] })).toBe('honeypot')
  expect(check({ userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)', renderedAt: null })).toBe('bot')
  expect(check({ renderedAt: null })).toBe('no-timer')
  expect(check({ renderedAt: now - 500 })).toBe('too-fast')
  for (const reason of ['honeypot', 'bot', 'no-timer', 'too-fast']) expect(SPAM_REASONS[reason]).toBeTruthy()
})

test("the minimum fill time is the form's, else the default; 0 turns the timer checks off", () => {
  expect(DEFAULT_MIN_FILL_SECONDS).toBe(1)
  expect(check({ renderedAt: now - DEFAULT_MIN_FILL_SECONDS * 1000 + 1 })).toBe('too-fast')
  expect(check({ renderedAt: now - DEFAULT_MIN_FILL_SECONDS * 1000 })).toBeNull()
  expect(check({ renderedAt: now - 5_000, minFillSeconds: 10 })).toBe('too-fast')
  expect(check({ renderedAt: null, minFillSeconds: 0 })).toBeNull()
  expect(check({ renderedAt: now, minFillSeconds: 0 })).toBeNull()
})
