import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuthLayout } from '#app/auth/auth-layout'
import { createAccount } from '#app/auth/user.server'
import { SignupSchema } from '#app/auth/schema'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { deviceCookieFor } from '#app/auth/device-cookie.server'
import { loginCheckUrl } from '#app/auth/redirect-target'
import { createSession, getUser } from '#app/auth/session.server'
import { throttleSignup, unlessHashBusy } from '#app/auth/throttle.server'
import { isEmailVerificationRequired } from '#app/auth/verification.server'
import { Button } from '#app/components/ui/button'
import { Field, FormErrorList } from '#app/components/ui/field'
import { titleFrom } from '#app/i18n/meta'
import { Trans, useT } from '#app/i18n/provider'
import { useZodForm } from '#app/components/zod-form'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { mailQueued } from '#app/mail/outbox.server'
import { forwardRetryAfter } from '#app/rate-limits/rate-limit.server'
import { BrowserCalendarFields } from '#app/workspaces/browser-calendar'
import { acceptInvite, findOpenInvite } from '#app/workspaces/invites.server'
import { guessCalendar } from '#app/workspaces/locale'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'auth.signup.metaTitle') }]
export const headers = forwardRetryAfter

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/dashboard')
  const inviteToken = new URL(request.url).searchParams.get('invite')
  const invite = inviteToken ? await findOpenInvite(inviteToken) : null
  return { invite: invite && inviteToken ? { token: inviteToken, workspaceName: invite.workspace.name, email: invite.email } : null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const parsed = await parseForm(request, SignupSchema)
  if (!parsed.ok) return parsed.response
  const { name, email, password, workspaceName, inviteToken, timeZone, locale } = parsed.data
  const throttled = await throttleSignup({ ip: context.clientIp, email })
  if (throttled) return throttled

  const invite = inviteToken ? await findOpenInvite(inviteToken) : null
  if (inviteToken && !invite) return badRequest({ formErrors: ['This invite link has expired or was already used. Ask for a new one.'] })
  if (!invite && !workspaceName) return badRequest({ fieldErrors: { workspaceName: ['Name your workspace (your company or team)'] } })

  const sendVerification = isEmailVerificationRequired()
  const created = await unlessHashBusy(createAccount({ name, email, password, workspaceName: invite ? null : workspaceName!, calendar: guessCalendar({ timeZone, locale }), sendVerification }))
  if (!created.ok) return created.response
  const account = created.value
  if ('error' in account) {
    return badRequest({ fieldErrors: { email: ['An account with this email already exists. Log in instead.'] } })
  }
  if (sendVerification) mailQueued()
  const joined = invite ? await acceptInvite({ token: inviteToken!, userId: account.userId }) : null
  const headers = new Headers([
    ['Set-Cookie', await createSession({ userId: account.userId, workspaceId: joined?.workspaceId ?? account.workspaceId, request })],
    ['Set-Cookie', await deviceCookieFor(request, email)],
  ])
  throw redirect(loginCheckUrl('/dashboard'), { headers })
}

export default function SignupRoute() {
  const { invite } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(SignupSchema, actionData?.errors)
  const t = useT()
  return (
    <AuthLayout
      title={invite ? t('auth.signup.joinTitle', { workspace: invite.workspaceName }) : t('auth.signup.title')}
      footer={<Trans i18nKey="auth.signup.haveAccount" components={{ link: <Link className="font-medium text-brand-700 underline" to={invite ? `/invite/${invite.token}` : '/login'} /> }} />}
    >
      <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormErrorList errors={actionData?.errors.formErrors} />
        <Field label={t('auth.signup.name')} autoComplete="name" {...form.register('name')} error={errorFor('name')} />
        <Field label={t('auth.signup.email')} type="email" autoComplete="email" defaultValue={invite?.email ?? undefined} {...form.register('email')} error={errorFor('email')} />
        <Field label={t('auth.signup.password')} type="password" autoComplete="new-password" hint={t('auth.signup.passwordHint')} {...form.register('password')} error={errorFor('password')} />
        {invite ? (
          <input type="hidden" name="inviteToken" value={invite.token} />
        ) : (
          <>
            <Field label={t('auth.signup.workspaceName')} hint={t('auth.signup.workspaceHint')} {...form.register('workspaceName')} error={errorFor('workspaceName')} />
            <BrowserCalendarFields />
          </>
        )}
        <Button className="w-full" disabled={isSubmitting}>
          {isSubmitting ? t('auth.signup.submitting') : t('auth.signup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  )
}
