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
import { useZodForm } from '#app/components/zod-form'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { mailQueued } from '#app/mail/outbox.server'
import { forwardRetryAfter } from '#app/rate-limits/rate-limit.server'
import { acceptInvite, findOpenInvite } from '#app/workspaces/invites.server'

export const meta: MetaFunction = () => [{ title: 'Sign up · Splitform' }]
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
  const { name, email, password, workspaceName, inviteToken } = parsed.data
  const throttled = await throttleSignup({ ip: context.clientIp, email })
  if (throttled) return throttled

  const invite = inviteToken ? await findOpenInvite(inviteToken) : null
  if (inviteToken && !invite) return badRequest({ formErrors: ['This invite link has expired or was already used. Ask for a new one.'] })
  if (!invite && !workspaceName) return badRequest({ fieldErrors: { workspaceName: ['Name your workspace (your company or team)'] } })

  const sendVerification = isEmailVerificationRequired()
  const created = await unlessHashBusy(createAccount({ name, email, password, workspaceName: invite ? null : workspaceName!, sendVerification }))
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
  return (
    <AuthLayout
      title={invite ? `Join ${invite.workspaceName}` : 'Create your workspace'}
      footer={
        <>
          Already have an account?{' '}
          <Link className="font-medium text-brand-700 underline" to={invite ? `/invite/${invite.token}` : '/login'}>
            Log in
          </Link>
        </>
      }
    >
      <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormErrorList errors={actionData?.errors.formErrors} />
        <Field label="Your name" autoComplete="name" {...form.register('name')} error={errorFor('name')} />
        <Field label="Work email" type="email" autoComplete="email" defaultValue={invite?.email ?? undefined} {...form.register('email')} error={errorFor('email')} />
        <Field label="Password" type="password" autoComplete="new-password" hint="At least 10 characters" {...form.register('password')} error={errorFor('password')} />
        {invite ? (
          <input type="hidden" name="inviteToken" value={invite.token} />
        ) : (
          <Field label="Workspace name" hint="Your company or team" {...form.register('workspaceName')} error={errorFor('workspaceName')} />
        )}
        <Button className="w-full" disabled={isSubmitting}>
          {isSubmitting ? 'Creating…' : 'Sign up'}
        </Button>
      </Form>
    </AuthLayout>
  )
}
