import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect } from 'react'
import { z } from 'zod'
import { changePassword, endSession, endSessions, isCurrentPassword, listSessions } from '#app/auth/account.server'
import { PasswordChangeIntentSchema, PasswordChangeSchema } from '#app/auth/schema'
import { clearSessionCookie, requireMember } from '#app/auth/session.server'
import { beginLoginAttempt, unlessHashBusy } from '#app/auth/throttle.server'
import { describeUserAgent } from '#app/auth/user-agent'
import { formatDateTime } from '#app/components/format'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList, type FieldProps } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { forwardRetryAfter } from '#app/rate-limits/rate-limit.server'

export const meta: MetaFunction = () => [{ title: 'Security · Settings · Splitform' }]
export const headers = forwardRetryAfter

const ActionSchema = z.discriminatedUnion(
  'intent',
  [PasswordChangeIntentSchema, z.object({ intent: z.literal('endSession'), id: z.string().min(1).max(100) }), z.object({ intent: z.enum(['endOthers', 'endAll']) })],
  { error: 'Unknown action' },
)

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireMember(request)
  const sessions = await listSessions({ userId: user.id })
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      device: describeUserAgent(s.userAgent),
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      isCurrent: s.id === user.sessionHash,
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireMember(request)
  const parsed = await parseForm(request, ActionSchema)
  if (!parsed.ok) return parsed.response
  const input = parsed.data
  const loggedOut = async () => redirect('/login', { headers: { 'Set-Cookie': await clearSessionCookie(request) } })
  switch (input.intent) {
    case 'changePassword': {
      // Guessing the current password from a stolen session is held to the login throttle.
      const attempt = await beginLoginAttempt({ request, ip: context.clientIp, email: user.email })
      if (!attempt.ok) return attempt.response
      const checked = await unlessHashBusy(isCurrentPassword({ userId: user.id, password: input.currentPassword }))
      if (!checked.ok) {
        await attempt.cancelled()
        return checked.response
      }
      if (!checked.value) return badRequest({ fieldErrors: { currentPassword: ['That is not your current password'] } })
      await attempt.succeeded()
      const changed = await unlessHashBusy(changePassword({ userId: user.id, newPassword: input.newPassword, keepSession: user.sessionHash }))
      if (!changed.ok) return changed.response
      return { passwordChanged: { endedSessions: changed.value } }
    }
    case 'endSession':
      if (input.id === user.sessionHash) throw await loggedOut()
      if (!(await endSession({ userId: user.id, id: input.id }))) throw new Response('No such session of yours', { status: 404 })
      return { ended: 1 }
    case 'endOthers':
      return { ended: await endSessions({ userId: user.id, keep: user.sessionHash }) }
    case 'endAll':
      await endSessions({ userId: user.id })
      throw await loggedOut()
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export default function SecuritySettingsRoute() {
  const { sessions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const others = sessions.filter((s) => !s.isCurrent).length
  const ended = actionData && 'ended' in actionData ? actionData.ended : undefined
  return (
    <div className="space-y-6">
      <PasswordCard actionData={actionData} />
      <Card title="Sessions" description="Browsers where you are logged in, in every workspace you belong to. Log out any you do not recognise, then change your password.">
        {ended !== undefined ? (
          <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800">
            Logged out {plural(ended, 'session')}.
          </p>
        ) : null}
        <ul className="divide-y divide-slate-100" aria-label="Your sessions">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="session-row">
              <div>
                <p className="font-medium">
                  {s.device}
                  {s.isCurrent ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">This browser</span> : null}
                </p>
                <p className="text-sm text-slate-500">
                  Logged in {formatDateTime(s.createdAt)} · last active {formatDateTime(s.lastSeenAt, 'unknown')}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="endSession" />
                <input type="hidden" name="id" value={s.id} />
                <Button variant="secondary" aria-label={s.isCurrent ? 'Log out of this browser' : `Log out ${s.device}, logged in ${formatDateTime(s.createdAt)}`}>
                  Log out
                </Button>
              </Form>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex flex-wrap gap-3 border-t border-slate-100 pt-4">
          <Form method="post">
            <input type="hidden" name="intent" value="endOthers" />
            <Button variant="secondary" disabled={others === 0}>
              Log out other sessions
            </Button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="endAll" />
            <Button variant="danger">Log out everywhere</Button>
          </Form>
        </div>
      </Card>
    </div>
  )
}

type SecurityActionData = ReturnType<typeof useActionData<typeof action>>

function PasswordCard({ actionData }: { actionData: SecurityActionData }) {
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const changed = actionData && 'passwordChanged' in actionData ? actionData.passwordChanged : null
  const { form, onSubmit, errorFor, isSubmitting, Form: ZodForm } = useZodForm(PasswordChangeSchema, errors)
  // A wrong current password comes back from the server: put the cursor where the fix goes.
  const firstServerError = errors ? Object.keys(errors.fieldErrors)[0] : undefined
  useEffect(() => {
    if (firstServerError) form.setFocus(firstServerError as keyof z.input<typeof PasswordChangeSchema>)
  }, [firstServerError, form, actionData])
  useEffect(() => {
    if (changed) form.reset()
  }, [changed, form])
  const field = (name: 'currentPassword' | 'newPassword' | 'confirmPassword', props: Omit<FieldProps, 'name'>) => <Field type="password" {...props} {...form.register(name)} error={errorFor(name)} />
  return (
    <Card title="Password" description="Changing it logs you out everywhere else; this browser stays logged in.">
      {changed ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800">
          Password changed. {changed.endedSessions ? `Logged out ${plural(changed.endedSessions, 'other session')}.` : 'No other sessions were open.'}
        </p>
      ) : null}
      <ZodForm method="post" onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
        <FormErrorList errors={errors?.formErrors} />
        <input type="hidden" name="intent" value="changePassword" />
        {field('currentPassword', { label: 'Current password', autoComplete: 'current-password' })}
        {field('newPassword', { label: 'New password', autoComplete: 'new-password', hint: 'At least 10 characters' })}
        {field('confirmPassword', { label: 'Repeat the new password', autoComplete: 'new-password' })}
        <Button disabled={isSubmitting}>Change password</Button>
      </ZodForm>
    </Card>
  )
}
