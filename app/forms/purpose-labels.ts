import type { PurposeId } from '#app/forms/purposes'

// The catalogue keys of each purpose's name and description in the admin (PURPOSES keeps the English, which the API
// and the form builder's defaults use). Written out whole, so the catalogue check sees every key in use.
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
