import { en } from '#app/visitor-language/catalogues/en'
import { HEARD_ABOUT_TEXT_KEYS } from '#app/visitor-language/heard-about'
import type { Field } from './definition'

// What a form is for. The purpose presets the conversion type (soft: contact details without clear intent to buy,
// yields a cold lead to nurture; hard: intent to buy or evaluate, yields a hot lead sales must follow up) and the
// starter fields. The marketer may override both, because the same asset can attract hot and cold leads.

export const CONVERSION_TYPES = ['soft', 'hard'] as const
export type ConversionType = (typeof CONVERSION_TYPES)[number]

export const PURPOSE_IDS = ['newsletter', 'content_download', 'event_registration', 'demo_request', 'meeting_booking', 'quote_request', 'contact_sales', 'other'] as const
export type PurposeId = (typeof PURPOSE_IDS)[number]

/**
 * The languages a form's own text can be written in: the starter fields and templates exist in each
 * (purpose-form-copy.ts). A form's definition names its language; one without is English (every form made
 * before languages existed).
 */
export const FORM_LOCALES = ['en', 'sv', 'da'] as const
export type FormLocale = (typeof FORM_LOCALES)[number]

export type Purpose = { id: PurposeId; label: string; conversionType: ConversionType; description: string }

export const PURPOSES: readonly Purpose[] = [
  { id: 'newsletter', label: 'Newsletter signup', conversionType: 'soft', description: 'Visitors subscribe to your newsletter or product updates.' },
  { id: 'content_download', label: 'Content download', conversionType: 'soft', description: 'A guide, whitepaper or report in exchange for contact details.' },
  { id: 'event_registration', label: 'Webinar or event registration', conversionType: 'soft', description: 'Sign-ups for a webinar, seminar or event.' },
  { id: 'demo_request', label: 'Demo request', conversionType: 'hard', description: 'Visitors ask for a product demo: a hot lead for sales.' },
  { id: 'meeting_booking', label: 'Meeting booking', conversionType: 'hard', description: 'Visitors book a meeting or call with your team.' },
  { id: 'quote_request', label: 'Quote request', conversionType: 'hard', description: 'Visitors ask for a price or an offer.' },
  { id: 'contact_sales', label: 'Contact sales', conversionType: 'hard', description: 'Visitors want to talk to sales.' },
  { id: 'other', label: 'Other', conversionType: 'soft', description: 'Anything else; choose the conversion type yourself.' },
]

/**
 * The preset for a purpose; the form stores its own conversionType, so a marketer's override wins. Takes any string
 * because API callers pass what they were sent; an unknown purpose gets the preset of `other`.
 */
export function conversionTypeFor(purpose: string): ConversionType {
  return PURPOSES.find((p) => p.id === purpose)?.conversionType ?? 'soft'
}

// Lives here rather than in definition.ts so this file needs only types from there (no import cycle).
/**
 * The preset answer list of "How did you hear about us?"; `other` unlocks a free-text companion field. Stored in
 * English; a page in another language shows its catalogue's words (app/visitor-language/form-defaults.ts).
 */
export const HEARD_ABOUT_DEFAULT_OPTIONS: readonly { value: string; label: string }[] = Object.entries(HEARD_ABOUT_TEXT_KEYS).map(([value, key]) => ({ value, label: en.form[key] }))

const emailField = (): Field => ({ type: 'email', key: 'email', label: 'Work email', placeholder: 'you@company.com', required: true })
const nameField = (): Field => ({ type: 'text', key: 'name', label: 'Name', required: true, maxLength: 100 })
const companyField = (): Field => ({ type: 'text', key: 'company', label: 'Company', required: true, maxLength: 100 })
const phoneField = (): Field => ({ type: 'phone', key: 'phone', label: 'Phone', required: false })
const messageField = (label: string, required: boolean): Field => ({ type: 'textarea', key: 'message', label, required, maxLength: 2000 })
const companySizeField = (): Field => ({
  type: 'select',
  key: 'company_size',
  label: 'Company size',
  required: true,
  options: [
    { value: '1-10', label: '1–10 employees' },
    { value: '11-50', label: '11–50 employees' },
    { value: '51-200', label: '51–200 employees' },
    { value: '201-1000', label: '201–1,000 employees' },
    { value: '1000+', label: 'More than 1,000 employees' },
  ],
})
const heardAboutField = (): Field => ({
  type: 'heard_about',
  key: 'heard_about',
  label: en.form.heardAboutQuestion,
  required: false,
  // A fresh copy: the builder edits options in place.
  options: HEARD_ABOUT_DEFAULT_OPTIONS.map((option) => ({ ...option })),
})
const consentField = (consentText: string): Field => ({ type: 'consent', key: 'consent', label: 'Consent', required: true, consentText })

const CONTACT_CONSENT = 'I agree to the privacy policy and to being contacted about my request.'
const NEWSLETTER_CONSENT = 'Send me the newsletter. I can unsubscribe at any time.'

/**
 * A good first field list for a new form. Short on purpose: every extra field costs conversions, so soft forms ask
 * for little and hard forms ask what sales needs to follow up, plus the self-reported source.
 */
export function starterFields(purpose: PurposeId): Field[] {
  switch (purpose) {
    case 'newsletter':
      return [emailField(), consentField(NEWSLETTER_CONSENT)]
    case 'content_download':
    case 'event_registration':
      return [emailField(), nameField(), companyField(), consentField(CONTACT_CONSENT)]
    case 'demo_request':
      return [emailField(), nameField(), companyField(), companySizeField(), heardAboutField(), consentField(CONTACT_CONSENT)]
    case 'meeting_booking':
      return [
        emailField(),
        nameField(),
        companyField(),
        phoneField(),
        { type: 'date', key: 'preferred_date', label: 'Preferred date', required: false },
        messageField('What would you like to discuss?', false),
        consentField(CONTACT_CONSENT),
      ]
    case 'quote_request':
      return [emailField(), nameField(), companyField(), phoneField(), messageField('What do you need a quote for?', true), heardAboutField(), consentField(CONTACT_CONSENT)]
    case 'contact_sales':
      return [emailField(), nameField(), companyField(), phoneField(), messageField('How can we help?', false), heardAboutField(), consentField(CONTACT_CONSENT)]
    case 'other':
      return [emailField(), consentField(CONTACT_CONSENT)]
  }
}
