import { Heading } from '@react-email/heading'
import { Link } from '@react-email/link'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import { LeadDigestSchema, leadUrl, sourceLabel, whoIs, type LeadDigest } from '#app/alerts/content'
import { defineEmailTemplate } from '../template'
import { MailLayout, mailStyles } from './layout'

// Yesterday's cold leads of one form in one mail (app/alerts/digest.server.ts): the hot ones had their alert.

const PREVIEW: LeadDigest = {
  formName: 'Newsletter',
  day: '2026-12-05',
  leads: [
    { leadId: '00000000-0000-4000-8000-000000000002', name: 'Sam Example', email: 'sam@example.com', company: 'Globex', source: 'organic_search', pagePath: '/p/newsletter' },
    { leadId: '00000000-0000-4000-8000-000000000003', name: null, email: 'kim@example.com', company: null, source: 'direct', pagePath: '/p/newsletter' },
  ],
}

export const leadDigest = defineEmailTemplate({
  name: 'lead-digest',
  description: 'The previous day’s cold leads of a form with the daily digest on',
  data: LeadDigestSchema,
  preview: PREVIEW,
  subject: (digest) => `${digest.leads.length} cold ${digest.leads.length === 1 ? 'lead' : 'leads'} on ${digest.day}: ${digest.formName}`,
  Body: ({ data: digest, appUrl }) => (
    <MailLayout preview={`${digest.leads.length} cold leads on ${digest.formName}`} footer="You get this because your address is on the form's lead alerts in Splitform, with the daily digest on.">
      <Heading as="h1" style={mailStyles.heading}>
        Cold leads on {digest.day}: {digest.formName}
      </Heading>
      <Section>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
          <tbody>
            {digest.leads.map((lead) => (
              <tr key={lead.leadId}>
                <td style={mailStyles.label}>
                  <Link href={leadUrl(appUrl, lead.leadId)}>{whoIs(lead)}</Link>
                </td>
                <td style={mailStyles.value}>
                  {lead.pagePath}, from {sourceLabel(lead.source)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Text style={mailStyles.text}>Hot leads are not listed: each had its own alert.</Text>
    </MailLayout>
  ),
})
