import { z } from 'zod'
import { UTC } from '#app/time/days'

// A workspace's calendar and money (decision 072): the IANA time zone its days are counted in and the ISO 4217
// currency its amounts are in. Pure and safe on both sides: the sign-up form guesses both from the browser, the
// settings screen and PATCH /api/v1/workspace check them here.

export type WorkspaceCalendar = { timezone: string; currency: string }

/** What a workspace had before it chose (and what migration 0016 gave every existing one). */
export const DEFAULT_CALENDAR: WorkspaceCalendar = { timezone: UTC, currency: 'EUR' }

// The runtime's own lists (ICU's), so what the app accepts is what Intl can format with. Intl leaves 'UTC' out of
// its canonical zones (it lists Etc/UTC's aliases under no name at all), so it is added.
let zones: Set<string> | undefined
let currencies: Set<string> | undefined

export function isTimeZone(name: string) {
  zones ??= new Set([UTC, ...Intl.supportedValuesOf('timeZone')])
  return zones.has(name)
}

export function isCurrency(code: string) {
  currencies ??= new Set(Intl.supportedValuesOf('currency'))
  return currencies.has(code)
}

/** Every zone a workspace may choose, UTC first: the settings screen's list. */
export function listTimeZones() {
  return [UTC, ...Intl.supportedValuesOf('timeZone')]
}

/** Every currency a workspace may choose (ISO 4217 codes). */
export function listCurrencies() {
  return Intl.supportedValuesOf('currency')
}

export const TimeZoneSchema = z
  .string({ error: 'Time zone is required' })
  .trim()
  .refine(isTimeZone, { error: (issue) => `Unknown time zone "${String(issue.input)}": use an IANA name such as Europe/Stockholm, or UTC` })

export const CurrencySchema = z
  .string({ error: 'Currency is required' })
  .trim()
  .refine(isCurrency, { error: (issue) => `Unknown currency "${String(issue.input)}": use an ISO 4217 code such as SEK or EUR` })

// Euro area members (2026): a browser in one of these regions works in euros.
const EURO_REGIONS = ['AT', 'BE', 'BG', 'HR', 'CY', 'EE', 'FI', 'FR', 'DE', 'GR', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PT', 'SK', 'SI', 'ES']
const REGION_CURRENCIES: Record<string, string> = {
  ...Object.fromEntries(EURO_REGIONS.map((region) => [region, 'EUR'])),
  SE: 'SEK',
  DK: 'DKK',
  NO: 'NOK',
  IS: 'ISK',
  GB: 'GBP',
  CH: 'CHF',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  IN: 'INR',
}

// The zones of the regions above whose country is plain from the name (a zone shared by several countries, or
// one in a country with several currencies, is left to the browser's locale).
const ZONE_REGIONS: Record<string, string> = {
  'Europe/Stockholm': 'SE',
  'Europe/Copenhagen': 'DK',
  'Europe/Oslo': 'NO',
  'Atlantic/Reykjavik': 'IS',
  'Europe/Helsinki': 'FI',
  'Europe/Tallinn': 'EE',
  'Europe/Riga': 'LV',
  'Europe/Vilnius': 'LT',
  'Europe/Berlin': 'DE',
  'Europe/Vienna': 'AT',
  'Europe/Brussels': 'BE',
  'Europe/Amsterdam': 'NL',
  'Europe/Paris': 'FR',
  'Europe/Madrid': 'ES',
  'Europe/Lisbon': 'PT',
  'Europe/Rome': 'IT',
  'Europe/Dublin': 'IE',
  'Europe/Athens': 'GR',
  'Europe/London': 'GB',
  'Europe/Zurich': 'CH',
  'Europe/Warsaw': 'PL',
  'Europe/Prague': 'CZ',
  'Europe/Budapest': 'HU',
  'Europe/Bucharest': 'RO',
  'Asia/Tokyo': 'JP',
  'Asia/Kolkata': 'IN',
}

function regionOfLocale(locale: string | undefined) {
  if (!locale) return undefined
  try {
    // Only a region the tag names: "sv" alone says Swedish, not Sweden (Finland has Swedish speakers too).
    return new Intl.Locale(locale).region
  } catch {
    return undefined // not a BCP 47 tag: no guess from it
  }
}

/**
 * The calendar a new workspace starts with, from what the sign-up form's script read in the browser: its zone
 * (Intl.DateTimeFormat().resolvedOptions().timeZone) and locale (navigator.language). The currency follows the
 * zone's country, else the locale's region, where that names one currency; else the default. Without a script
 * (nothing sent) or with a zone Intl does not know, UTC.
 */
export function guessCalendar({ timeZone, locale }: { timeZone?: string; locale?: string }): WorkspaceCalendar {
  const timezone = timeZone && isTimeZone(timeZone) ? timeZone : DEFAULT_CALENDAR.timezone
  const region = ZONE_REGIONS[timezone] ?? regionOfLocale(locale)
  const currency = (region && REGION_CURRENCIES[region]) || DEFAULT_CALENDAR.currency
  return { timezone, currency }
}
