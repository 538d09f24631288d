import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Text } from '@react-email/text'
import { z } from 'zod'
import { defineEmailTemplate } from '../template'
import { MailLayout, mailStyles } from './layout'

// Sent from /forgot-password to an address that has an account (app/auth/password-reset.server.ts).

export const passwordReset = defineEmailTemplate({
  name: 'password-reset',
  description: 'The link to set a new password, sent from “Forgot your password?”',
  data: z.object({ name: z.string(), token: z.string().min(1) }),
  preview: { name: 'Dana Demo', token: 'sample-token-for-the-preview' },
  subject: () => 'Reset your Splitform password',
  Body: ({ data, appUrl }) => (
    <MailLayout preview="Set a new password for Splitform." footer="You get this mail because someone asked to reset the password of this address on Splitform.">
      <Heading as="h1" style={mailStyles.heading}>
        Reset your password
      </Heading>
      <Text style={mailStyles.text}>Hello {data.name}, open this link to choose a new password. It works once, for one hour, and logs you out everywhere else.</Text>
      <Button href={`${appUrl}/reset-password/${data.token}`} style={mailStyles.button}>
        Choose a new password
      </Button>
      <Text style={mailStyles.text}>If you did not ask for this, ignore this mail: your password stays as it is.</Text>
    </MailLayout>
  ),
})
