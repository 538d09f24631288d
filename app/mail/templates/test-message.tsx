import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Text } from '@react-email/text'
import { z } from 'zod'
import { defineEmailTemplate } from '../template'
import { MailLayout, mailStyles } from './layout'

// Sent from Settings → Email log ("Send a test email"): proves the whole path, SMTP included, to the member who asked.

const TestMessageData = z.object({ requestedBy: z.string(), workspaceName: z.string() })

export const testMessage = defineEmailTemplate({
  name: 'test-message',
  description: 'A test email, sent from Settings → Email log',
  data: TestMessageData,
  preview: { requestedBy: 'Dana Demo', workspaceName: 'Demo workspace' },
  subject: ({ workspaceName }) => `Splitform test email for ${workspaceName}`,
  Body: ({ data, appUrl }) => (
    <MailLayout preview="Mail from Splitform reaches you.">
      <Heading as="h1" style={mailStyles.heading}>
        Mail works
      </Heading>
      <Text style={mailStyles.text}>
        {data.requestedBy} sent this test from the email log of {data.workspaceName}. If you read it, Splitform can reach this address.
      </Text>
      <Button href={`${appUrl}/settings/email`} style={mailStyles.button}>
        Open the email log
      </Button>
    </MailLayout>
  ),
})
