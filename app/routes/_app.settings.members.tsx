import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { useDateTime } from '#app/components/use-date-time'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { FormErrorList } from '#app/components/ui/field'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { translatorOf } from '#app/i18n/language.server'
import { useMessage, useT } from '#app/i18n/provider'
import { mailQueued } from '#app/mail/outbox.server'
import { useMember } from '#app/routes/_app'
import { createInvite, listOpenInvites, revokeInvite } from '#app/workspaces/invites.server'
import { changeMember, listMembers } from '#app/workspaces/workspace.server'
import { InviteFormSchema, RoleSchema } from '#app/workspaces/schema'
import { roles } from '#db/enums'

const ActionSchema = z.discriminatedUnion(
  'intent',
  [
    InviteFormSchema.extend({ intent: z.literal('invite') }),
    z.object({ intent: z.literal('revokeInvite'), id: z.uuid('Unknown invite') }),
    z.object({ intent: z.literal('changeRole'), userId: z.uuid('Unknown member'), role: RoleSchema }),
    z.object({ intent: z.literal('remove'), userId: z.uuid('Unknown member') }),
  ],
  { error: 'Unknown action' },
)

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMember(request)
  return {
    members: await listMembers({ workspaceId: workspace.id }),
    // Invite links are an owner's business; other roles see who is in, not who is coming.
    invites: role === 'owner' ? await listOpenInvites({ workspaceId: workspace.id }) : [],
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, { role: 'owner' })
  const parsed = await parseForm(request, ActionSchema)
  if (!parsed.ok) return parsed.response
  const input = parsed.data
  switch (input.intent) {
    case 'invite': {
      const email = input.email || null
      const { token, isMailed } = await createInvite({ workspaceId: workspace.id, role: input.role, email, createdBy: user.id })
      if (isMailed) mailQueued()
      return { inviteUrl: new URL(`/invite/${token}`, request.url).toString(), role: input.role, mailedTo: isMailed ? email : null }
    }
    case 'revokeInvite':
      if (!(await revokeInvite({ workspaceId: workspace.id, id: input.id }))) throw new Response((await translatorOf(request))('settings.members.noSuchInvite'), { status: 404 })
      return { done: true }
    case 'changeRole':
    case 'remove': {
      const result = await changeMember({ workspaceId: workspace.id, userId: input.userId, role: input.intent === 'remove' ? null : input.role })
      if (result.ok) return { done: true, revokedKeys: result.revokedKeys }
      if (result.status === 404) throw new Response(result.message, { status: 404 })
      return badRequest({ formErrors: [result.message] })
    }
  }
}

export default function MembersRoute() {
  const { day } = useDateTime()
  const { members, invites } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { isOwner, user } = useMember()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const invited = actionData && 'inviteUrl' in actionData ? actionData : null
  const revokedKeys = actionData && 'revokedKeys' in actionData ? actionData.revokedKeys : undefined
  const t = useT()
  const translate = useMessage()
  return (
    <div className="space-y-6">
      <FormErrorList errors={errors?.formErrors} />
      {revokedKeys?.length ? (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t('settings.members.revokedKeys', { count: revokedKeys.length, keys: revokedKeys.join(', ') })}
        </p>
      ) : null}
      {isOwner ? (
        <Card title={t('settings.members.inviteTitle')} description={t('settings.members.inviteDescription')}>
          {invited ? (
            <div role="status" className="mb-5 rounded-md bg-green-50 p-4 text-sm text-green-900">
              {invited.mailedTo ? (
                <p className="mb-2" data-testid="invite-mailed">
                  {t('settings.members.mailed', { email: invited.mailedTo })}
                </p>
              ) : null}
              <p className="font-medium">{t('settings.members.sendLink', { role: invited.role })}</p>
              <code data-testid="invite-url" className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono ring-1 ring-green-200">
                {invited.inviteUrl}
              </code>
            </div>
          ) : null}
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="invite" />
            <label className="text-sm font-medium text-slate-700">
              {t('settings.members.email')}
              <input name="email" type="email" className="mt-1 block w-64 rounded-md border-0 px-3 py-2 ring-1 ring-inset ring-slate-300" />
              {errors?.fieldErrors.email ? <span className="mt-1 block text-red-600">{translate(errors.fieldErrors.email[0])}</span> : null}
            </label>
            <RoleSelect name="role" defaultValue="editor" label={t('settings.members.inviteAs')} />
            <Button>{t('settings.members.createInvite')}</Button>
          </Form>
        </Card>
      ) : null}
      <Card title={t('settings.members.title')}>
        <ul className="divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="member-row">
              <div>
                <p className="font-medium">
                  {m.name}
                  {m.email === user.email ? ` ${t('settings.members.you')}` : ''}
                </p>
                <p className="text-sm text-slate-500">{m.email}</p>
                {isOwner && m.activeApiKeys > 0 ? <p className="text-sm text-slate-500">{t('settings.members.activeKeys', { count: m.activeApiKeys })}</p> : null}
              </div>
              {isOwner ? (
                <div className="flex items-center gap-2">
                  <Form method="post" className="flex items-center gap-2">
                    <input type="hidden" name="intent" value="changeRole" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <RoleSelect name="role" defaultValue={m.role} label={t('settings.members.roleOf', { name: m.name })} visibleLabel={false} />
                    <Button variant="secondary">{t('settings.save')}</Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <Button variant="danger">{t('settings.members.remove')}</Button>
                  </Form>
                </div>
              ) : (
                <span className="rounded bg-slate-100 px-2 py-0.5 text-sm">{t('settings.members.role', { role: m.role })}</span>
              )}
            </li>
          ))}
        </ul>
      </Card>
      {isOwner && invites.length > 0 ? (
        <Card title={t('settings.members.openInvites')}>
          <ul className="divide-y divide-slate-100">
            {invites.map((i) => (
              <li key={i.id} className="flex items-center justify-between gap-3 py-3 text-sm">
                <span>{t('settings.members.invite', { who: i.email ?? t('settings.members.anyone'), role: i.role, day: day(i.expiresAt) })}</span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revokeInvite" />
                  <input type="hidden" name="id" value={i.id} />
                  <Button variant="danger">{t('settings.revoke')}</Button>
                </Form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}

function RoleSelect({ name, defaultValue, label, visibleLabel = true }: { name: string; defaultValue: string; label: string; visibleLabel?: boolean }) {
  const t = useT()
  return (
    <label className="text-sm font-medium text-slate-700">
      <span className={visibleLabel ? '' : 'sr-only'}>{label}</span>
      <select name={name} defaultValue={defaultValue} className="mt-1 block rounded-md border-0 py-2 pl-3 pr-8 ring-1 ring-inset ring-slate-300">
        {roles.map((r) => (
          <option key={r} value={r}>
            {t('settings.members.role', { role: r })}
          </option>
        ))}
      </select>
    </label>
  )
}
