import { LeadDigestSchema, leadUrl, sourceLabel, whoIs } from '#app/alerts/content'
import { defineChatTemplate } from '../template'
import { leadDigest } from './lead-digest'

// The daily digest of cold leads for the form's chat webhook (Slack or Teams incoming webhook), as the lead alert's
// chat post is (lead-alert-chat.ts): one JSON object with a plain `text`, a line per lead with its link.

export const leadDigestChat = defineChatTemplate({
  name: 'lead-digest-chat',
  description: 'The previous day’s cold leads of a form with the daily digest on, posted to the form’s chat webhook',
  data: LeadDigestSchema,
  preview: leadDigest.preview,
  subject: (digest) => `${digest.leads.length} cold ${digest.leads.length === 1 ? 'lead' : 'leads'} on ${digest.day}: ${digest.formName}`,
  body: (digest, { appUrl }) => {
    const lines = [
      `${digest.leads.length} cold ${digest.leads.length === 1 ? 'lead' : 'leads'} on ${digest.day}: ${digest.formName}`,
      ...digest.leads.map((lead) => `• ${whoIs(lead)}, ${lead.pagePath}, from ${sourceLabel(lead.source)}: ${leadUrl(appUrl, lead.leadId)}`),
      'Hot leads are not listed: each had its own alert.',
    ]
    return { text: lines.join('\n') }
  },
})
