import { z } from 'zod'
import type { WebhookEvent } from '#db/schema'

// Safe on both sides: the settings page renders the checkboxes from these, the action validates with them.

export const WEBHOOK_EVENT_LABELS = {
  'lead.created': 'A new lead: the first counted submission from a person',
  'conversion.created': 'Every counted form submission',
  'lead.hot': 'A lead turned hot: its first hard conversion',
} satisfies Record<WebhookEvent, string>

export const WEBHOOK_EVENTS = Object.keys(WEBHOOK_EVENT_LABELS) as [WebhookEvent, ...WebhookEvent[]]

export const WebhookUrlSchema = z
  .string({ error: 'Enter the URL to send events to' })
  .trim()
  .min(1, 'Enter the URL to send events to')
  .max(2000, 'Use at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter a full http:// or https:// URL' }))
  // fetch refuses URLs with credentials; receivers authenticate us by the signature instead.
  .refine((url) => !/^https?:\/\/[^/?#]*@/i.test(url), 'Leave the user name and password out of the URL: check the signature instead')

export const WebhookFormSchema = z.object({
  url: WebhookUrlSchema,
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: 'Unknown event' }), { error: 'Choose at least one event' })
    .min(1, 'Choose at least one event')
    .transform((events) => [...new Set(events)]),
})
export type WebhookForm = z.infer<typeof WebhookFormSchema>
