import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect } from 'react'
import { z } from 'zod'
import { changePassword, endSession, endSessions, isCurrentPassword, listSessions } from '#app/auth/account.server'
import { PasswordChangeIntentSchema, PasswordChangeSchema } from '#app/auth/schema'
import { clearSessionCookie, requireMember } from '#app/auth/session.server'
import { beginLoginAttempt, unlessHashBusy } from '#app/auth/throttle.server'
import { describeUserAgent } from '#app/auth/user-agent'
import { useDateTime } from '#app/components/use-date-time'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList, type FieldProps } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { translatorOf } from '#app/i18n/language.server'
import { titleFrom } from '#app/i18n/meta'
import { useT } from '#app/i18n/provider'
import { forwardRetryAfter } from '#app/rate-limits/rate-limit.server'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'settings.security.metaTitle') }]
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
      if (!(await endSession({ userId: user.id, id: input.id }))) throw new Response((await translatorOf(request))('settings.security.noSuchSession'), { status: 404 })
      return { ended: 1 }
    case 'endOthers':
      return { ended: await endSessions({ userId: user.id, keep: user.sessionHash }) }
    case 'endAll':
      await endSessions({ userId: user.id })
      throw await loggedOut()
  }
}

export default function SecuritySettingsRoute() {
  const { dateTime } = useDateTime()
  const { sessions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const others = sessions.filter((s) => !s.isCurrent).length
  const ended = actionData && 'ended' in actionData ? actionData.ended : undefined
  const t = useT()
  return (
    <div className="space-y-6">
      <PasswordCard actionData={actionData} />
      <Card title={t('settings.security.sessions')} description={t('settings.security.sessionsDescription')}>
        {ended !== undefined ? (
          <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800">
            {t('settings.security.loggedOut', { count: ended })}
          </p>
        ) : null}
        <ul className="divide-y divide-slate-100" aria-label={t('settings.security.yourSessions')}>
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="session-row">
              <div>
                <p className="font-medium">
                  {s.device}
                  {s.isCurrent ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">{t('settings.security.thisBrowser')}</span> : null}
                </p>
                <p className="text-sm text-slate-500">{t('settings.security.loggedInAt', { created: dateTime(s.createdAt), lastSeen: dateTime(s.lastSeenAt, t('settings.security.unknown')) })}</p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="endSession" />
                <input type="hidden" name="id" value={s.id} />
                <Button variant="secondary" aria-label={s.isCurrent ? t('settings.security.logOutThis') : t('settings.security.logOutNamed', { device: s.device, created: dateTime(s.createdAt) })}>
                  {t('settings.security.logOut')}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex flex-wrap gap-3 border-t border-slate-100 pt-4">
          <Form method="post">
            <input type="hidden" name="intent" value="endOthers" />
            <Button variant="secondary" disabled={others === 0}>
              {t('settings.security.logOutOthers')}
            </Button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="endAll" />
            <Button variant="danger">{t('settings.security.logOutEverywhere')}</Button>
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
  const t = useT()
  const field = (name: 'currentPassword' | 'newPassword' | 'confirmPassword', props: Omit<FieldProps, 'name'>) => <Field type="password" {...props} {...form.register(name)} error={errorFor(name)} />
  return (
    <Card title={t('settings.security.password')} description={t('settings.security.passwordDescription')}>
      {changed ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800">
          {t('settings.security.passwordChanged', { count: changed.endedSessions })}
        </p>
      ) : null}
      <ZodForm method="post" onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
        <FormErrorList errors={errors?.formErrors} />
        <input type="hidden" name="intent" value="changePassword" />
        {field('currentPassword', { label: t('settings.security.currentPassword'), autoComplete: 'current-password' })}
        {field('newPassword', { label: t('settings.security.newPassword'), autoComplete: 'new-password', hint: t('settings.security.newPasswordHint') })}
        {field('confirmPassword', { label: t('settings.security.confirmPassword'), autoComplete: 'new-password' })}
        <Button disabled={isSubmitting}>{t('settings.security.change')}</Button>
      </ZodForm>
    </Card>
  )
}
