import { AlertLeadSchema, leadUrl, sourceLabel, whoIs } from '#app/alerts/content'
import { defineChatTemplate } from '../template'
import { leadAlert } from './lead-alert'

// The same alert for a Slack or Teams incoming webhook: one JSON object whose `text` both accept and show as is
// (plain text with line breaks; both turn the bare URL into a link). docs/email.md documents the format.

export const leadAlertChat = defineChatTemplate({
  name: 'lead-alert-chat',
  description: 'A new lead, posted to the form’s chat webhook (Slack or Teams)',
  data: AlertLeadSchema,
  preview: leadAlert.preview,
  subject: (lead) => `${lead.temperature === 'hot' ? 'Hot lead' : 'New lead'}: ${whoIs(lead)}`,
  body: (lead, { appUrl }) => {
    const lines = [
      `${lead.temperature === 'hot' ? '🔥 Hot lead' : 'New lead'}: ${whoIs(lead)}`,
      `${lead.formName} on ${lead.pagePath} (variant ${lead.variantKey}), from ${sourceLabel(lead.source)}`,
      ...(lead.email ? [`Email: ${lead.email}`] : []),
      ...lead.answers.map((a) => `${a.label}: ${a.value}`),
      `Open the lead: ${leadUrl(appUrl, lead.leadId)}`,
    ]
    return { text: lines.join('\n') }
  },
})
