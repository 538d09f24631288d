import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import { AlertLeadSchema, leadUrl, sourceLabel, whoIs, type AlertLead } from '#app/alerts/content'
import { defineEmailTemplate } from '../template'
import { MailLayout, mailStyles } from './layout'

// A new lead, for sales to follow up now: who, from which form, page and variant, what they answered.

const PREVIEW: AlertLead = {
  leadId: '00000000-0000-4000-8000-000000000001',
  name: 'Dana Example',
  email: 'dana@example.com',
  company: 'Acme',
  temperature: 'hot',
  formName: 'Demo request',
  pagePath: '/p/demo',
  variantKey: 'B',
  source: 'paid_search',
  answers: [
    { label: 'Work email', value: 'dana@example.com' },
    { label: 'Team size', value: '11–50' },
    { label: 'What would you like to see?', value: 'A/B tests on our pricing page' },
  ],
  convertedAt: '2026-12-06T09:30:00.000Z',
}

export const leadAlert = defineEmailTemplate({
  name: 'lead-alert',
  description: 'A new lead on a form with alerts (hot leads, or every lead)',
  data: AlertLeadSchema,
  preview: PREVIEW,
  subject: (lead) => `${lead.temperature === 'hot' ? 'Hot lead' : 'New lead'}: ${whoIs(lead)} via ${lead.formName}`,
  Body: ({ data: lead, appUrl }) => (
    <MailLayout preview={`${whoIs(lead)} filled in ${lead.formName} on ${lead.pagePath}`} footer="You get this because your address is on the form's lead alerts in Splitform.">
      <Heading as="h1" style={mailStyles.heading}>
        {lead.temperature === 'hot' ? 'Hot lead' : 'New lead'}: {whoIs(lead)}
      </Heading>
      <Text style={mailStyles.text}>
        {lead.formName} on {lead.pagePath} (variant {lead.variantKey}), from {sourceLabel(lead.source)}.
      </Text>
      <Section>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
          <tbody>
            {[{ label: 'Name', value: lead.name ?? '–' }, { label: 'Email', value: lead.email ?? '–' }, { label: 'Company', value: lead.company ?? '–' }, ...lead.answers].map((row, i) => (
              <tr key={i}>
                <td style={mailStyles.label}>{row.label}</td>
                <td style={mailStyles.value}>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section style={{ marginTop: '20px' }}>
        <Button href={leadUrl(appUrl, lead.leadId)} style={mailStyles.button}>
          Open the lead
        </Button>
      </Section>
    </MailLayout>
  ),
})
