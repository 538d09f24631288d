import { z } from 'zod'
import { WebhookUrlSchema } from '#app/webhooks/schema'

// A form's lead alerts, part of its definition (`definition.alerts`), so the builder and POST/PUT /api/v1/forms
// validate them with the rest of the form. Safe on both sides. Whether the chat URL points at a private address
// needs the server's configuration: checkFormAlertTarget in app/alerts/alerts.server.ts.

export const ALERT_TRIGGERS = ['hot', 'all'] as const
export type AlertTrigger = (typeof ALERT_TRIGGERS)[number]
export const MAX_ALERT_EMAILS = 10

/** An incoming webhook of Slack or Teams: https only (it carries leads' details), no credentials in the URL. */
export const ChatWebhookUrlSchema = WebhookUrlSchema.refine((url) => url.startsWith('https://'), 'Use an https:// URL')

export const FormAlertsSchema = z
  .object({
    emails: z
      .array(z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address')), { error: 'Give a list of email addresses' })
      .max(MAX_ALERT_EMAILS, `Use at most ${MAX_ALERT_EMAILS} addresses`)
      .default([])
      .transform((emails) => [...new Set(emails)]),
    chatWebhookUrl: ChatWebhookUrlSchema.optional(),
    on: z.enum(ALERT_TRIGGERS, { error: 'Choose "hot" (hot leads only) or "all" (every new lead)' }).default('hot'),
    // Cold leads, once a day in one mail to the same addresses and one chat post (only with on: "hot": with "all"
    // each has its alert).
    digest: z.boolean({ error: 'Use true or false' }).default(false),
  })
  .refine((alerts) => alerts.emails.length > 0 || alerts.chatWebhookUrl !== undefined, { message: 'Give at least one email address or a chat webhook URL', path: ['emails'] })
export type FormAlerts = z.infer<typeof FormAlertsSchema>
