import type { Channel } from '#app/attribution/channel'
import type { Field } from '#app/forms/definition'
import { compileFieldPattern, OTHER_OPTION_VALUE, otherKeyFor } from '#app/forms/field-rules'
import { DAY_MS, dayOf } from '#app/time/days'
import { between, chance, pick, pickWeighted, type Random } from './visitors'

// Plausible people and what they type into a form, for any form definition: the simulator posts these answers to
// the real endpoint, and the demo seed runs them through the same validation the endpoint uses. Fictional on
// purpose: companies are made up, emails end in .example (RFC 2606) and phones use the 555-01xx range.

export type Person = { name: string; firstName: string; lastName: string; company: string; email: string; phone: string; jobTitle: string; country: string }

const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Chloé',
  'Daniel',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kofi',
  'Lena',
  'Mateo',
  'Nadia',
  'Oliver',
  'Priya',
  'Quinn',
  'Rosa',
  'Samir',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Anna',
  'Lucas',
  'Sofia',
  'Noah',
  'Mia',
  'Ethan',
  'Leila',
  'Marco',
  'Hannah',
  'Tomás',
  'Aisha',
  'Felix',
  'Ingrid',
  'Raj',
]
const LAST_NAMES = [
  'Okafor',
  'Schneider',
  'Dubois',
  'Kowalski',
  'Rossi',
  'Haddad',
  'Lindqvist',
  'Tanaka',
  'García',
  'Meyer',
  'Mensah',
  'Novak',
  'Fernández',
  'Khan',
  'Brennan',
  'Sharma',
  'Murphy',
  'Costa',
  'Nasser',
  'Walsh',
  'Chen',
  'Petrov',
  'Johansson',
  'Moreau',
  'Nguyen',
  'Becker',
  'Silva',
  'Ito',
  'Andersen',
  'Clarke',
  'Jansen',
  'Romero',
  'Weber',
  'Kim',
  'Dimitrou',
  'Ahmed',
  'Fischer',
  'Larsen',
  'Patel',
  'Byrne',
]
const COMPANIES = [
  'Northwind Traders',
  'Contoso Cloud',
  'Fabrikam Health',
  'Tailspin Logistics',
  'Adatum Finance',
  'Litware Labs',
  'Proseware',
  'Wingtip Retail',
  'Lamna Energy',
  'Alpine Ski House',
  'Coho Vineyard',
  'Fourth Coffee',
  'Margie’s Travel',
  'Trey Research',
  'Woodgrove Bank',
  'Blue Yonder Air',
  'Graphic Design Institute',
  'Humongous Insurance',
  'Lucerne Publishing',
  'Relecloud',
  'VanArsdel',
  'Wide World Importers',
  'Consolidated Messenger',
  'Datum Analytics',
  'Bellows College',
  'Southridge Video',
  'Fineline Manufacturing',
  'Kestrel Payroll',
  'Orbit Freight',
  'Parnell Software',
]
const JOB_TITLES = [
  'Head of Marketing',
  'Growth Lead',
  'Demand Generation Manager',
  'Marketing Operations Manager',
  'VP Sales',
  'CMO',
  'Content Marketing Manager',
  'Founder',
  'Product Marketing Manager',
  'Revenue Operations Lead',
]
const COUNTRIES = ['United States', 'United Kingdom', 'Germany', 'France', 'Netherlands', 'Canada', 'Sweden', 'Spain', 'Australia', 'Ireland']
const GENERIC_TEXT = ['Pipeline reporting', 'Evaluating options this quarter', 'Team of 12 marketers', 'Replacing our current tool', 'Just researching for now']
const MESSAGES = [
  'We run about 40 landing pages a quarter and want to A/B test them without waiting for engineering.',
  'Looking for pricing for 5 marketers and 3 sales reps, billed annually.',
  'Does it connect to our CRM through webhooks? We use HubSpot today.',
  'We need a quote for roughly 200k visitors a month across two brands.',
  'Our demo-request form converts poorly on mobile; we would like to see how you would test it.',
  'Please send an offer including onboarding for our team in Berlin.',
]
const OTHER_SOURCES = ['Our CFO recommended it', 'A Slack community for marketers', 'A conference talk', 'A former colleague', 'Saw it in a partner’s webinar']

// What people answer to "How did you hear about us?": mostly where tracking saw them come from, but direct
// visits and referrals reveal the word of mouth that tracking cannot.
const HEARD_ABOUT_BY_CHANNEL: Record<Channel, [string, number][]> = {
  organic_search: [
    ['search', 70],
    ['social', 8],
    ['referral', 10],
    ['podcast', 5],
    ['other', 7],
  ],
  paid_search: [
    ['search', 78],
    ['social', 6],
    ['referral', 8],
    ['event', 3],
    ['other', 5],
  ],
  social: [
    ['social', 68],
    ['referral', 10],
    ['podcast', 10],
    ['event', 7],
    ['other', 5],
  ],
  email: [
    ['newsletter', 55],
    ['event', 18],
    ['referral', 15],
    ['search', 7],
    ['other', 5],
  ],
  referral: [
    ['referral', 55],
    ['podcast', 14],
    ['event', 14],
    ['search', 10],
    ['other', 7],
  ],
  direct: [
    ['referral', 38],
    ['podcast', 20],
    ['event', 18],
    ['search', 12],
    ['other', 12],
  ],
}

/** Lower-case ASCII letters and digits only, for email addresses and domains. */
export const slugOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')

export function drawPerson(random: Random): Person {
  const firstName = pick(random, FIRST_NAMES)
  const lastName = pick(random, LAST_NAMES)
  const company = pick(random, COMPANIES)
  return {
    name: `${firstName} ${lastName}`,
    firstName,
    lastName,
    company,
    email: `${slugOf(firstName)}.${slugOf(lastName)}@${slugOf(company)}.example`,
    phone: `+1 202 555 01${String(Math.floor(random() * 100)).padStart(2, '0')}`,
    jobTitle: pick(random, JOB_TITLES),
    country: pick(random, COUNTRIES),
  }
}

/** The same person with a number in their address: two simulated people may share a name and an employer. */
export function withEmailNumber(person: Person, n: number): Person {
  return { ...person, email: person.email.replace('@', `${n}@`) }
}

export type PostedAnswer = string | number | boolean | string[]
type AnswerContext = { person: Person; channel: Channel; random: Random; today: Date; hiddenValues?: Record<string, string> }

/**
 * What a person types into these fields, as a browser's form script posts it (strings, booleans, lists). Optional
 * fields are often skipped; "How did you hear about us?" follows the channel the visitor came from.
 */
export function answersFor(fields: readonly Field[], context: AnswerContext): Record<string, PostedAnswer> {
  const answers: Record<string, PostedAnswer> = {}
  for (const field of fields) {
    if (field.type === 'hidden') {
      const value = context.hiddenValues?.[field.key]
      if (value) answers[field.key] = value
      continue
    }
    const isAnswered = field.required || chance(context.random, field.type === 'heard_about' ? 0.85 : 0.6)
    if (!isAnswered) continue
    const answer = answerFor(field, context)
    if (answer === null) continue
    answers[field.key] = answer
    if (field.type === 'heard_about' && answer === OTHER_OPTION_VALUE) answers[otherKeyFor(field.key)] = pick(context.random, OTHER_SOURCES)
  }
  return answers
}

function answerFor(field: Field, { person, channel, random, today }: AnswerContext): PostedAnswer | null {
  switch (field.type) {
    case 'email':
      return person.email
    case 'phone':
      return person.phone
    case 'consent':
      return true
    case 'text':
      return fitText(field, textFor(field.key, person, random), random)
    case 'textarea':
      return fitText(field, pick(random, MESSAGES), random)
    case 'number': {
      const min = field.min ?? 1
      const max = field.max ?? min + 100
      return Math.floor(between(random, Math.ceil(min), Math.floor(max) + 1))
    }
    case 'date':
      return dateFor(field, today, random)
    case 'select':
    case 'radio':
      return pick(random, field.options).value
    case 'checkboxes': {
      const chosen = field.options.filter(() => chance(random, 0.35))
      return (chosen.length || !field.required ? chosen : [pick(random, field.options)]).map((o) => o.value)
    }
    case 'heard_about': {
      const offered = new Set(field.options.map((o) => o.value))
      const likely = HEARD_ABOUT_BY_CHANNEL[channel].filter(([value]) => offered.has(value))
      return likely.length ? pickWeighted(random, likely) : pick(random, field.options).value
    }
    case 'hidden':
      return null
  }
}

function textFor(key: string, person: Person, random: Random) {
  if (/^(full_)?name$/.test(key)) return person.name
  if (/first/.test(key)) return person.firstName
  if (/last|surname/.test(key)) return person.lastName
  if (/company|organi[sz]ation|employer/.test(key)) return person.company
  if (/job|title|role|position/.test(key)) return person.jobTitle
  if (/country/.test(key)) return person.country
  if (/website|url|domain/.test(key)) return `https://www.${slugOf(person.company)}.example`
  return pick(random, GENERIC_TEXT)
}

/** Within the field's length limits and pattern; null when nothing plausible fits an optional field. */
function fitText(field: Field & { type: 'text' | 'textarea' }, text: string, random: Random): string | null {
  let value = text
  if (field.minLength && value.length < field.minLength) value = `${value} ${pick(random, MESSAGES)}`.padEnd(field.minLength, '.')
  if (field.maxLength) value = value.slice(0, field.maxLength).trim()
  const pattern = field.type === 'text' && field.pattern ? compileFieldPattern(field.pattern) : null
  if (!pattern || pattern.test(value)) return value
  const fallback = ['12345', 'ABC-123', 'abc', 'Yes'].find((candidate) => pattern.test(candidate))
  // A required field nobody could guess is posted anyway: the server's answer names the problem.
  return fallback ?? (field.required ? value : null)
}

function dateFor(field: Field & { type: 'date' }, today: Date, random: Random) {
  const wanted = dayOf(today.getTime() + Math.floor(between(random, 3, 31)) * DAY_MS)
  if (field.min && wanted < field.min) return field.min
  if (field.max && wanted > field.max) return field.max
  return wanted
}
