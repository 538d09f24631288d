import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Text } from '@react-email/text'
import { z } from 'zod'
import { RoleSchema } from '#app/workspaces/schema'
import { defineEmailTemplate } from '../template'
import { MailLayout, mailStyles } from './layout'

// Sent when an owner invites a member by address (Settings → Members); the owner also sees the link to copy.

export const workspaceInvite = defineEmailTemplate({
  name: 'workspace-invite',
  description: 'An invitation to join a workspace, sent from Settings → Members',
  data: z.object({ workspaceName: z.string(), invitedBy: z.string(), role: RoleSchema, token: z.string().min(1) }),
  preview: { workspaceName: 'Demo workspace', invitedBy: 'Dana Demo', role: 'editor', token: 'sample-token-for-the-preview' },
  subject: ({ workspaceName, invitedBy }) => `${invitedBy} invites you to ${workspaceName} on Splitform`,
  Body: ({ data, appUrl }) => (
    <MailLayout preview={`Join ${data.workspaceName} on Splitform.`} footer="You get this mail because a workspace owner invited this address to Splitform.">
      <Heading as="h1" style={mailStyles.heading}>
        Join {data.workspaceName}
      </Heading>
      <Text style={mailStyles.text}>
        {data.invitedBy} invites you to {data.workspaceName} on Splitform as {data.role === 'editor' ? 'an' : 'a'} {data.role}. The link works once, for 7 days.
      </Text>
      <Button href={`${appUrl}/invite/${data.token}`} style={mailStyles.button}>
        Accept the invitation
      </Button>
    </MailLayout>
  ),
})
