import { expect, test } from 'vitest'
import { CurrencySchema, guessCalendar, isCurrency, isTimeZone, TimeZoneSchema } from './locale'

test('zones and currencies are what Intl knows, UTC included', () => {
  expect(['UTC', 'Europe/Stockholm', 'America/Sao_Paulo'].every(isTimeZone)).toBe(true)
  expect(['Europe/Stokholm', 'utc', '', 'GMT+1'].some(isTimeZone)).toBe(false)
  expect(['SEK', 'DKK', 'NOK', 'EUR', 'USD'].every(isCurrency)).toBe(true)
  expect(['sek', 'SEKK', 'XYZ', ''].some(isCurrency)).toBe(false)
  expect(TimeZoneSchema.safeParse('Mars/Olympus').error?.issues[0]?.message).toMatch(/^Unknown time zone "Mars\/Olympus"/)
  expect(CurrencySchema.safeParse('KRN').error?.issues[0]?.message).toMatch(/^Unknown currency "KRN"/)
})

test("a new workspace's calendar: the browser's zone; the currency from the zone's country, else the language's region", () => {
  expect(guessCalendar({ timeZone: 'Europe/Stockholm', locale: 'en-US' })).toEqual({ timezone: 'Europe/Stockholm', currency: 'SEK' })
  expect(guessCalendar({ timeZone: 'Europe/Copenhagen' })).toEqual({ timezone: 'Europe/Copenhagen', currency: 'DKK' })
  expect(guessCalendar({ timeZone: 'Europe/Oslo', locale: 'nb' })).toEqual({ timezone: 'Europe/Oslo', currency: 'NOK' })
  expect(guessCalendar({ timeZone: 'Europe/Helsinki', locale: 'sv-FI' })).toEqual({ timezone: 'Europe/Helsinki', currency: 'EUR' })
  // A zone that names no one country: the region of the language tag, if it has one.
  expect(guessCalendar({ timeZone: 'America/New_York', locale: 'sv-SE' })).toEqual({ timezone: 'America/New_York', currency: 'SEK' })
  expect(guessCalendar({ timeZone: 'Asia/Singapore', locale: 'sv' })).toEqual({ timezone: 'Asia/Singapore', currency: 'EUR' })
  // Nothing sent (no JavaScript), or nothing readable: UTC and the default currency.
  expect(guessCalendar({})).toEqual({ timezone: 'UTC', currency: 'EUR' })
  expect(guessCalendar({ timeZone: 'Nowhere/Else', locale: 'not a tag!' })).toEqual({ timezone: 'UTC', currency: 'EUR' })
})
