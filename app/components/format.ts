import { dayOf, UTC } from '#app/time/days'

// Every number, percentage and date the app shows, in one place: the screens, the statistics module's sentences
// and the CSVs' neighbours all format here. Null shows as "–" in tables.
//
// Two families on purpose, because the same value reads differently in each:
// - tables and figures keep a fixed number of digits, so columns line up and nothing jumps as data arrives:
//   formatPercent(0.5) is "50.00%", formatLift(0.123) "+12.3%", formatPValue(0.03) "0.0300";
// - sentences round for people (the exact values are beside them): formatRoundedPercent(0.5) is "50%",
//   formatSignedRoundedPercent(0.123) "+12%", formatPValueStatement(0.03) "p = 0.03".

// The reader's language (app/i18n/languages.ts) picks the separators: English 12,345 and 12.5%, Swedish 12 345 and
// 12,5 %, Danish 12.345 and 12,5 % (a no-break space before the sign, as both write it). English is the default everywhere.
const NUMBER_LOCALES: Record<string, string> = { en: 'en-US', sv: 'sv-SE', da: 'da-DK' }
/** The Intl locale that writes the reader's numbers: 'sv' → 'sv-SE'; English for any other. */
export const numberLocale = (language: string) => NUMBER_LOCALES[language] ?? 'en-US'

/** A number already rounded as wanted, in the language's decimal sign: 1.5 → "1.5" / "1,5". */
function decimalIn(value: number, language: string) {
  return language === 'en' ? String(value) : value.toLocaleString(numberLocale(language), { maximumFractionDigits: 20, useGrouping: false })
}

/** A number with a fixed count of decimals in the language's decimal sign, no grouping: 12.345, 2 → "12.35" / "12,35". */
function fixedIn(value: number, digits: number, language: string) {
  const text = value.toFixed(digits)
  return language === 'en' ? text : text.replace('.', ',')
}

/** The language's minus sign: English "-" as before, the others the real minus sign "−". */
const minusIn = (language: string) => (language === 'en' ? '-' : '−')

/** "12%" in English, "12 %" in Swedish. */
function percentIn(number: string, language: string) {
  return language === 'en' ? `${number}%` : `${number}\u00a0%`
}

/** A whole count with thousands separators, 12,345 (Swedish 12 345); rounded unless `digits` allows fractions (linear attribution's shared credit). */
export function formatCount(n: number, digits = 0, language = 'en') {
  if (digits === 0) return Math.round(n).toLocaleString(numberLocale(language))
  return n.toLocaleString(numberLocale(language), { maximumFractionDigits: digits })
}

/** The English words for a plan more than MAX_REACHABLE_DAYS away (the screens say results.remaining.unreachable and its kin). */
export const UNREACHABLE_PLAN_TEXT = 'not reachable at current traffic (more than a year)'

/** A rate for a table: fixed digits, 0.1234 → "12.34%" (Swedish "12,34 %"). */
export function formatPercent(value: number | null | undefined, digits = 2, language = 'en') {
  if (value === null || value === undefined) return '–'
  return percentIn(fixedIn(value * 100, digits, language), language)
}

/** A weight or coverage fraction as a percentage: 0.5 → "50%", 0.333333 → "33.33%" (up to `digits` digits, no trailing zeros; Swedish "33,33 %"). */
export function formatShare(fraction: number, language = 'en', digits = 2) {
  return percentIn(decimalIn(Number((fraction * 100).toFixed(digits)), language), language)
}

/**
 * A percentage for a sentence, without its sign (the words say better or worse): two significant digits or so,
 * 0.123 → "12%", 0.0123 → "1.2%", 0.00123 → "0.12%" (Swedish "1,2 %").
 */
export function formatRoundedPercent(fraction: number, language = 'en'): string {
  const percent = Math.abs(fraction) * 100
  const digits = percent >= 9.95 ? 0 : percent >= 0.995 ? 1 : 2
  return percentIn(decimalIn(Number(percent.toFixed(digits)), language), language)
}

/** formatRoundedPercent with its sign: "+12%", "-1.2%", "0%" (Swedish "−1,2 %", with a real minus sign). */
export function formatSignedRoundedPercent(fraction: number, language = 'en'): string {
  const text = formatRoundedPercent(fraction, language)
  if (text === formatRoundedPercent(0, language)) return text
  return fraction > 0 ? `+${text}` : `${minusIn(language)}${text}`
}

/** A confidence level: 0.95 → "95%", 0.999 → "99.9%" (Swedish "99,9 %"). */
export function formatConfidence(confidence: number, language = 'en') {
  return percentIn(decimalIn(Number((confidence * 100).toPrecision(6)), language), language)
}

// Beyond +1,000% an upper bound only says "we don't know yet"; the digits would be noise.
const LARGEST_SHOWN_LIFT = 10

/** A relative lift's interval for a sentence, in English: "-3% to +12%", "+5% and more than +1,000%" with joiner 'and' (a screen says statistics.rangeTo). */
export function formatLiftRange(interval: [number, number] | null, joiner = 'to'): string {
  if (!interval) return 'not available yet'
  const { low, high } = liftRangeEnds(interval)
  return `${low} ${joiner} ${high ?? 'more than +1,000%'}`
}

/** The two ends of formatLiftRange in a language, for a translated sentence to place; `high` is null beyond +1,000%. */
export function liftRangeEnds(interval: [number, number], language = 'en') {
  const high = interval[1] > LARGEST_SHOWN_LIFT ? null : formatSignedRoundedPercent(interval[1], language)
  return { low: formatSignedRoundedPercent(Math.max(LOWEST_LIFT, interval[0]), language), high }
}

/** What a lift interval says when it has no finite bound yet, or only one beyond +1,000% (LARGEST_SHOWN_LIFT). */
export const UNBOUNDED_LIFT_TEXT = 'too few conversions to bound the lift'

/** Whether a lift interval is worth printing as numbers: it exists and its upper bound is at most +1,000%. */
export function isLiftBounded(interval: [number, number] | null | undefined): interval is [number, number] {
  return interval !== null && interval !== undefined && interval[1] <= LARGEST_SHOWN_LIFT
}

/**
 * A relative lift's interval for a table: "−3.0% to +12.0%", or in words when it is unknown or unbounded. With a
 * handful of conversions the upper bound runs to "+2750181578057686.0%", which only says "we don't know yet".
 */
export function formatLiftInterval(interval: [number, number] | null | undefined, language = 'en', unbounded = UNBOUNDED_LIFT_TEXT, joiner = 'to') {
  return isLiftBounded(interval) ? formatInterval([Math.max(LOWEST_LIFT, interval[0]), interval[1]], (x) => formatLift(x, 1, language), joiner) : unbounded
}

// Every metric here is a rate or an amount that cannot go below 0, so no variant can be more than 100% worse: the
// symmetric intervals (Katz on the log scale is bounded, the delta method on a ratio of means is not) are shown
// from −100% at the lowest, which keeps every value they allow.
const LOWEST_LIFT = -1

/** A relative change, signed: +12.3% / −4.0% (Swedish "+12,3 %"). */
export function formatLift(value: number | null | undefined, digits = 1, language = 'en') {
  if (value === null || value === undefined) return '–'
  const pct = percentIn(fixedIn(Math.abs(value) * 100, digits, language), language)
  return value > 0 ? `+${pct}` : value < 0 ? `−${pct}` : pct
}

/** The experiment history's lift: "+60.0 %" / "−4.2 %", a space before the sign, and "+0.0 %" at zero (Swedish "+60,0 %"). */
export function formatHistoryLift(value: number, language = 'en') {
  return `${value >= 0 ? '+' : '−'}${fixedIn(Math.abs(value * 100), 1, language)}${language === 'en' ? ' ' : '\u00a0'}%`
}

/** An interval for a table, "1.0% to 2.0%"; a screen passes its language's word (results.interval.to). */
export function formatInterval(ci: [number, number] | null | undefined, format: (v: number) => string, joiner = 'to') {
  if (!ci) return '–'
  return `${format(ci[0])} ${joiner} ${format(ci[1])}`
}

/** A p-value for a table: four decimals, "0.0300", "< 0.0001". */
export function formatPValue(p: number | null | undefined, language = 'en') {
  if (p === null || p === undefined) return '–'
  if (p < 0.0001) return `< ${fixedIn(0.0001, 4, language)}`
  return fixedIn(p, 4, language)
}

/** A p-value for a sentence: two significant digits, "p = 0.03", "p < 0.0001" (Swedish "p = 0,03"). */
export function formatPValueStatement(pValue: number, language = 'en'): string {
  return pValue < 0.0001 ? `p < ${decimalIn(0.0001, language)}` : `p = ${decimalIn(Number(pValue.toPrecision(2)), language)}`
}

// Dates in the admin: English as en-GB writes them (a 24-hour clock; en-US's "12:30 AM" carries a narrow no-break
// space that some ICU versions write and others do not, which would differ between server and browser), Swedish as
// sv-SE does, Danish as da-DK ("7. dec. 2026, 00.30").
const DATE_LOCALES: Record<string, string> = { en: 'en-GB', sv: 'sv-SE', da: 'da-DK' }
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * An instant for people. Without a language: "2026-11-22 14:05 UTC", unambiguous for a team spread over time zones
 * and the same on server and client (the API, the experiments' history). With the reader's language and the
 * workspace's time zone (the admin's screens, through useDateTime()): 23:30 UTC on 6 December in Europe/Stockholm is
 * "7 Dec 2026, 00:30" in English and "7 dec. 2026 00:30" in Swedish.
 */
export function formatDateTime(value: Date | string | null | undefined, empty = 'never', language?: string, timeZone = UTC) {
  if (!value) return empty
  if (language === undefined) return `${new Date(value).toISOString().slice(0, 16).replace('T', ' ')} UTC`
  const locale = DATE_LOCALES[language] ?? DATE_LOCALES.en!
  const key = `${locale} ${timeZone}`
  let format = dateTimeFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
    dateTimeFormats.set(key, format)
  }
  return format.format(new Date(value))
}

/** A clock time in the reader's language and the device's time zone, for "saved at" lines: "3:02:11 PM" / "15:02:11". */
export function formatClockTime(value: Date | string, language = 'en') {
  return new Date(value).toLocaleTimeString(numberLocale(language))
}

/** File sizes as people read them: 512 B, 340 KB, 4.2 MB. */
export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A probability as a chance: one decimal, and "> 99.9%" / "< 0.1%" rather than a rounded certainty. */
export function formatChance(p: number | null | undefined, language = 'en') {
  if (p === null || p === undefined) return '–'
  if (p >= 0.9995) return `> ${percentIn(fixedIn(99.9, 1, language), language)}`
  if (p <= 0.0005) return `< ${percentIn(fixedIn(0.1, 1, language), language)}`
  return formatPercent(p, 1, language)
}

// Percentage points as each language abbreviates them: procentenheter, procentpoint.
const POINTS_UNITS: Record<string, string> = { sv: 'p.e.', da: 'pct.-point' }

/** An absolute difference of rates in percentage points: 0.0012 → "0.12 pp" (Swedish "0,12 p.e.", Danish "0,12 pct.-point"; expected loss, rate gaps). */
export function formatPoints(value: number | null | undefined, digits = 2, language = 'en') {
  if (value === null || value === undefined) return '–'
  const points = fixedIn(value * 100, digits, language)
  const unit = POINTS_UNITS[language]
  return unit ? `${points}\u00a0${unit}` : `${points} pp`
}

/**
 * An amount for a figure in a table or a card whose heading names the currency (moneyHeading): 12500 → "12,500",
 * 12.5 → "12.5". Columns of figures read better without a code on each.
 */
export function formatAmount(value: number | null | undefined, digits = 2, language = 'en') {
  if (value === null || value === undefined) return '–'
  return value.toLocaleString(numberLocale(language), { maximumFractionDigits: digits })
}

/**
 * An amount on its own, in the workspace's currency (ISO 4217), written as the reader's language writes money:
 * 12500, 'SEK' → "SEK 12,500", 12.5 → "SEK 12.50"; in Swedish "12 500 SEK", "12,50 SEK" (no-break spaces, so an
 * amount never breaks across lines). The code rather than a sign: "kr" is the Swedish, Danish, Norwegian and
 * Icelandic crown alike.
 */
export function formatMoney(value: number | null | undefined, currency: string, language = 'en') {
  if (value === null || value === undefined) return '–'
  const fractionDigits = Number.isInteger(value) ? 0 : undefined
  const text = value.toLocaleString(numberLocale(language), { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })
  return language === 'en' ? text.replace(/\u00a0/g, ' ') : text.replace(/\s/g, '\u00a0')
}

/** A heading over amounts (formatAmount), naming their currency: 'Revenue', 'SEK' → "Revenue (SEK)". */
export function moneyHeading(label: string, currency: string) {
  return `${label} (${currency})`
}

/** A currency's name and code for a sentence: 'SEK' → "Swedish Krona (SEK)" (Swedish "svensk krona (SEK)"). */
export function describeCurrency(currency: string, language = 'en') {
  const name = new Intl.DisplayNames(language, { type: 'currency', fallback: 'code' }).of(currency)
  return name && name !== currency ? `${name} (${currency})` : currency
}

/** "2026-11-22": the day `value` falls on in `timeZone` (the workspace's), as the rollups store it. */
export function formatDay(value: Date | string | null | undefined, empty = '–', timeZone = UTC) {
  if (!value) return empty
  return dayOf(value, timeZone)
}

/**
 * A percentage that is not a share and can run to thousands (ROI: (revenue − spend) / spend): one decimal below
 * 100 %, whole and grouped from there, since the tenths of 16,897% say nothing. 0.371 → "37.1%", 168.97 → "16,897%",
 * −1 → "−100%".
 */
export function formatLargePercent(fraction: number | null | undefined, language = 'en') {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–'
  const percent = fraction * 100
  const text = Math.abs(percent) < 99.95 ? fixedIn(Math.abs(percent), 1, language) : Math.round(Math.abs(percent)).toLocaleString(numberLocale(language))
  return percentIn(percent < 0 && Math.abs(percent) >= 0.05 ? `−${text}` : text, language)
}

/**
 * How much larger or smaller a figure got, as a share of what it was (unsigned: the words say up or down):
 * 0.25 → "25.0%"; from ten times as much on, a multiple, since "up 499,900.0%" is a number nobody reads:
 * 11.5 (value 12.5× the previous) → "12.5×".
 */
export function formatRelativeChange(fraction: number, language = 'en') {
  const size = Math.abs(fraction)
  if (size < 10) return percentIn(fixedIn(size * 100, 1, language), language)
  return `${formatCount(1 + fraction, 1, language)}×`
}

const SECONDS_IN_DAY = 86400
const MINUTE_IN_DAYS = 1 / 1440
const HOUR_IN_DAYS = 1 / 24
// Swedish and Danish units, one and many; English adds an s.
const UNITS: Record<string, Record<string, [string, string]>> = {
  sv: { second: ['sekund', 'sekunder'], minute: ['minut', 'minuter'], hour: ['timme', 'timmar'], day: ['dag', 'dagar'] },
  da: { second: ['sekund', 'sekunder'], minute: ['minut', 'minutter'], hour: ['time', 'timer'], day: ['dag', 'dage'] },
}
const unitIn = (language: string) => (n: string, unit: string) => {
  const isOne = n === '1'
  const words = UNITS[language]?.[unit]
  if (words) return `${n}\u00a0${words[isOne ? 0 : 1]}`
  return `${n} ${unit}${isOne ? '' : 's'}`
}

/**
 * A duration given in days (the unit the reports keep), in the unit that fits it: seconds under a minute, whole
 * minutes under an hour, hours (one decimal) under a day, then days (one decimal; whole and grouped from 100).
 * 3 minutes as days → "3 minutes", 65 minutes → "1.1 hours", 3.25 → "3.3 days", 0 → "0 seconds".
 */
export function formatDuration(days: number | null | undefined, language = 'en') {
  if (days === null || days === undefined || !Number.isFinite(days)) return '–'
  const size = Math.abs(days)
  const sign = days < 0 ? '−' : ''
  const plural = unitIn(language)
  // Thresholds on the rounded value, so 59.7 minutes reads "1.0 hours" rather than "60 minutes".
  if (Math.round(size * SECONDS_IN_DAY) < 60) return sign + plural(String(Math.round(size * SECONDS_IN_DAY)), 'second')
  if (Math.round(size / MINUTE_IN_DAYS) < 60) return sign + plural(String(Math.round(size / MINUTE_IN_DAYS)), 'minute')
  if (Number((size / HOUR_IN_DAYS).toFixed(1)) < 24) return sign + plural(fixedIn(size / HOUR_IN_DAYS, 1, language), 'hour')
  if (size < 99.95) return sign + plural(fixedIn(size, 1, language), 'day')
  return sign + plural(Math.round(size).toLocaleString(numberLocale(language)), 'day')
}
