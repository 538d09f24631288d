import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Text } from '@react-email/text'
import { z } from 'zod'
import { defineEmailTemplate } from '../template'
import { MailLayout, mailStyles } from './layout'

// Sent at sign-up, and from /verify-email's "Send the link again", when REQUIRE_EMAIL_VERIFICATION is on.

export const emailVerification = defineEmailTemplate({
  name: 'email-verification',
  description: 'The link that confirms a new account’s address (when REQUIRE_EMAIL_VERIFICATION is on)',
  data: z.object({ name: z.string(), token: z.string().min(1) }),
  preview: { name: 'Dana Demo', token: 'sample-token-for-the-preview' },
  subject: () => 'Confirm your email address for Splitform',
  Body: ({ data, appUrl }) => (
    <MailLayout preview="One click and your Splitform account is ready." footer="You get this mail because this address was used to sign up on Splitform.">
      <Heading as="h1" style={mailStyles.heading}>
        Confirm your email address
      </Heading>
      <Text style={mailStyles.text}>Hello {data.name}, open this link to confirm that this address is yours. It works once, for 24 hours.</Text>
      <Button href={`${appUrl}/verify-email/${data.token}`} style={mailStyles.button}>
        Confirm my address
      </Button>
      <Text style={mailStyles.text}>If you did not sign up, ignore this mail.</Text>
    </MailLayout>
  ),
})
