import type { FieldType } from '#app/forms/definition'
import type { PurposeId } from '#app/forms/purposes'

// The catalogue keys of each purpose's and field type's name in the admin (PURPOSES and FIELD_TYPE_LABELS keep the
// English, which the API and the builder's defaults use). Written out whole, so the catalogue check sees every key.
export const PURPOSE_KEYS = {
  newsletter: { label: 'forms.purposes.newsletter.label', description: 'forms.purposes.newsletter.description' },
  content_download: { label: 'forms.purposes.contentDownload.label', description: 'forms.purposes.contentDownload.description' },
  event_registration: { label: 'forms.purposes.eventRegistration.label', description: 'forms.purposes.eventRegistration.description' },
  demo_request: { label: 'forms.purposes.demoRequest.label', description: 'forms.purposes.demoRequest.description' },
  meeting_booking: { label: 'forms.purposes.meetingBooking.label', description: 'forms.purposes.meetingBooking.description' },
  quote_request: { label: 'forms.purposes.quoteRequest.label', description: 'forms.purposes.quoteRequest.description' },
  contact_sales: { label: 'forms.purposes.contactSales.label', description: 'forms.purposes.contactSales.description' },
  other: { label: 'forms.purposes.other.label', description: 'forms.purposes.other.description' },
} as const satisfies Record<PurposeId, { label: string; description: string }>

export const FIELD_TYPE_KEYS = {
  email: 'formBuilder.types.email',
  text: 'formBuilder.types.text',
  textarea: 'formBuilder.types.textarea',
  phone: 'formBuilder.types.phone',
  number: 'formBuilder.types.number',
  select: 'formBuilder.types.select',
  radio: 'formBuilder.types.radio',
  checkboxes: 'formBuilder.types.checkboxes',
  consent: 'formBuilder.types.consent',
  date: 'formBuilder.types.date',
  hidden: 'formBuilder.types.hidden',
  heard_about: 'formBuilder.types.heardAbout',
} as const satisfies Record<FieldType, string>
