import { newFormDefinition } from './builder'
import { FormDefinitionSchema, type Field, type FormDefinition } from './definition'
import type { FormLocale, PurposeId } from './purposes'

// A purpose's starter form in Swedish or Danish: the same fields as the English one (purposes.ts, starterFields:
// one home for which fields a purpose asks for), with text written for that market, not translated word by word.
// Pure, so the copy is checked on its own (purpose-form-copy.test.ts scans it for English).

type FormCopy = {
  /** Field labels by field key; `message` is labelled per purpose, below. */
  labels: Record<'email' | 'name' | 'company' | 'phone' | 'company_size' | 'heard_about' | 'preferred_date' | 'consent', string>
  messageLabels: Record<'meeting_booking' | 'quote_request' | 'contact_sales', string>
  placeholders: { email: string }
  /** Option labels by field key and option value (values stay the stable keys answers are stored under). */
  options: { company_size: Record<string, string>; heard_about: Record<string, string> }
  consent: { contact: string; newsletter: string }
  submitLabels: Record<PurposeId, string>
  success: string
}

const NBSP = '\u00a0'

const SWEDISH: FormCopy = {
  labels: {
    email: 'Arbetsmejl',
    name: 'Namn',
    company: 'Företag',
    phone: 'Telefon',
    company_size: 'Antal anställda',
    heard_about: 'Hur hörde du talas om oss?',
    preferred_date: 'Önskat datum',
    consent: 'Samtycke',
  },
  messageLabels: { meeting_booking: 'Vad vill du prata om?', quote_request: 'Vad vill du ha offert på?', contact_sales: 'Hur kan vi hjälpa dig?' },
  placeholders: { email: 'namn@foretaget.se' },
  options: {
    company_size: {
      '1-10': '1–10 anställda',
      '11-50': '11–50 anställda',
      '51-200': '51–200 anställda',
      '201-1000': `201–1${NBSP}000 anställda`,
      '1000+': `Fler än 1${NBSP}000 anställda`,
    },
    heard_about: { search: 'Sökmotor', social: 'Sociala medier', referral: 'Vän eller kollega', podcast: 'Podd', event: 'Mässa eller evenemang', newsletter: 'Nyhetsbrev', other: 'Annat' },
  },
  consent: {
    contact: 'Jag godkänner att ni behandlar mina personuppgifter enligt er integritetspolicy och kontaktar mig om min förfrågan.',
    newsletter: 'Ja tack, skicka mig nyhetsbrevet. Jag kan avregistrera mig när som helst.',
  },
  submitLabels: {
    newsletter: 'Prenumerera',
    content_download: 'Ladda ner',
    event_registration: 'Anmäl mig',
    demo_request: 'Boka demo',
    meeting_booking: 'Boka möte',
    quote_request: 'Begär offert',
    contact_sales: 'Kontakta säljteamet',
    other: 'Skicka',
  },
  success: 'Tack! Vi har tagit emot dina uppgifter.',
}

const DANISH: FormCopy = {
  labels: {
    email: 'Arbejdsmail',
    name: 'Navn',
    company: 'Virksomhed',
    phone: 'Telefon',
    company_size: 'Antal medarbejdere',
    heard_about: 'Hvordan hørte du om os?',
    preferred_date: 'Ønsket dato',
    consent: 'Samtykke',
  },
  messageLabels: { meeting_booking: 'Hvad vil du gerne tale om?', quote_request: 'Hvad skal tilbuddet omfatte?', contact_sales: 'Hvordan kan vi hjælpe?' },
  placeholders: { email: 'navn@firma.dk' },
  options: {
    company_size: {
      '1-10': '1–10 medarbejdere',
      '11-50': '11–50 medarbejdere',
      '51-200': '51–200 medarbejdere',
      '201-1000': '201–1.000 medarbejdere',
      '1000+': 'Over 1.000 medarbejdere',
    },
    // "Podcast" is the Danish word too (purpose-form-copy.test.ts allows it by name).
    heard_about: { search: 'Søgemaskine', social: 'Sociale medier', referral: 'Ven eller kollega', podcast: 'Podcast', event: 'Messe eller arrangement', newsletter: 'Nyhedsbrev', other: 'Andet' },
  },
  consent: {
    contact: 'Jeg giver samtykke til, at I behandler mine persondata efter jeres privatlivspolitik og kontakter mig om min henvendelse.',
    newsletter: 'Ja tak, send mig nyhedsbrevet. Jeg kan altid afmelde mig igen.',
  },
  submitLabels: {
    newsletter: 'Tilmeld',
    content_download: 'Hent nu',
    event_registration: 'Tilmeld mig',
    demo_request: 'Book demo',
    meeting_booking: 'Book et møde',
    quote_request: 'Få et tilbud',
    contact_sales: 'Kontakt salg',
    other: 'Send',
  },
  success: 'Tak! Vi har modtaget dine oplysninger.',
}

const COPY: Record<Exclude<FormLocale, 'en'>, FormCopy> = { sv: SWEDISH, da: DANISH }

/** One English starter field with its text in `copy`; what the copy does not name stays as it is (a test finds it). */
function localizeField(field: Field, copy: FormCopy, purpose: PurposeId): Field {
  const label = field.key === 'message' ? copy.messageLabels[purpose as keyof FormCopy['messageLabels']] : copy.labels[field.key as keyof FormCopy['labels']]
  const localized = { ...field, label: label ?? field.label } as Field & { placeholder?: string; options?: { value: string; label: string }[]; consentText?: string }
  if (field.key === 'email' && localized.placeholder) localized.placeholder = copy.placeholders.email
  const options = copy.options[field.key as keyof FormCopy['options']]
  if (localized.options && options) localized.options = localized.options.map((option) => ({ ...option, label: options[option.value] ?? option.label }))
  if (field.type === 'consent') localized.consentText = purpose === 'newsletter' ? copy.consent.newsletter : copy.consent.contact
  return localized
}

/**
 * A new form's definition for `purpose` written in `locale`: the purpose's starter fields, conversion type and
 * button, and the default thank-you message, all in that language, with the language recorded in the definition
 * (English ones have none: absent means English).
 */
export function purposeFormDefinition({ purpose, locale }: { purpose: PurposeId; locale: FormLocale }): FormDefinition {
  const english = newFormDefinition({ purpose })
  // English forms stay as they always were: without `locale`, which means English.
  if (locale === 'en') return english
  const copy = COPY[locale]
  return FormDefinitionSchema.parse({
    ...english,
    fields: english.fields.map((field) => localizeField(field, copy, purpose)),
    submitLabel: copy.submitLabels[purpose],
    success: { type: 'message', message: copy.success },
    locale,
  })
}
