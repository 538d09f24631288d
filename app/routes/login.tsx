import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { AuthLayout } from '#app/auth/auth-layout'
import { explainLostLogin } from '#app/auth/cookie-check'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { deviceCookieFor } from '#app/auth/device-cookie.server'
import { verifyLogin } from '#app/auth/user.server'
import { loginCheckUrl, safeRedirectTarget } from '#app/auth/redirect-target'
import { LoginSchema } from '#app/auth/schema'
import { createSession, inspectSessionCookie } from '#app/auth/session.server'
import { beginLoginAttempt, unlessHashBusy } from '#app/auth/throttle.server'
import { Button } from '#app/components/ui/button'
import { Field, FormErrorList } from '#app/components/ui/field'
import { Trans, useT } from '#app/i18n/provider'
import { titleFrom } from '#app/i18n/meta'
import { useZodForm } from '#app/components/zod-form'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { httpsOf } from '#app/http/secure-cookies.server'
import { forwardRetryAfter } from '#app/rate-limits/rate-limit.server'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'auth.login.title') }]
export const headers = forwardRetryAfter

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const state = await inspectSessionCookie(request)
  if (state === 'ok') throw redirect(safeRedirectTarget(url.searchParams.get('redirectTo')))
  // ?check=1 is where a login sends the browser first: arriving here without a session, the cookie did not stick.
  const lostLogin = url.searchParams.get('check') === '1' ? explainLostLogin({ state, https: httpsOf(request), host: url.host }) : null
  // ?reset=1 is where a password reset sends the browser (app/routes/reset-password.$token.tsx).
  return { lostLogin, isAfterReset: url.searchParams.get('reset') === '1' }
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const parsed = await parseForm(request, LoginSchema)
  if (!parsed.ok) return parsed.response
  const { email, password, redirectTo } = parsed.data
  const attempt = await beginLoginAttempt({ request, ip: context.clientIp, email })
  if (!attempt.ok) return attempt.response
  const verified = await unlessHashBusy(verifyLogin({ email, password }))
  if (!verified.ok) {
    await attempt.cancelled()
    return verified.response
  }
  if (!verified.value) return badRequest({ formErrors: ['Wrong email or password'] })
  await attempt.succeeded()
  // A new session id at every login: a session fixed before login is worth nothing after it.
  const headers = new Headers([
    ['Set-Cookie', await createSession({ userId: verified.value, workspaceId: null, request })],
    ['Set-Cookie', await deviceCookieFor(request, email)],
  ])
  throw redirect(loginCheckUrl(safeRedirectTarget(redirectTo)), { headers })
}

export default function LoginRoute() {
  const { lostLogin, isAfterReset } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(LoginSchema, actionData?.errors)
  const t = useT()
  return (
    <AuthLayout title={t('auth.login.title')} footer={<Trans i18nKey="auth.login.newHere" components={{ link: <Link className="font-medium text-brand-700 underline" to="/signup" /> }} />}>
      {lostLogin && !actionData ? (
        <div role="alert" className="mb-4 space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="lost-login">
          <p className="font-medium">{lostLogin.title}</p>
          {lostLogin.steps.map((step) => (
            <p key={step}>{step}</p>
          ))}
        </div>
      ) : null}
      {isAfterReset && !actionData ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-900" data-testid="password-reset-done">
          Your password was changed and every session was logged out. Log in with the new password.
        </p>
      ) : null}
      <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormErrorList errors={actionData?.errors.formErrors} />
        <Field label={t('auth.login.email')} type="email" autoComplete="email" {...form.register('email')} error={errorFor('email')} />
        <Field label={t('auth.login.password')} type="password" autoComplete="current-password" {...form.register('password')} error={errorFor('password')} />
        <p className="text-right text-sm">
          <Link className="text-brand-700 underline" to="/forgot-password">
            {t('auth.login.forgotPassword')}
          </Link>
        </p>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Button className="w-full" disabled={isSubmitting}>
          {isSubmitting ? t('auth.login.submitting') : t('auth.login.submit')}
        </Button>
      </Form>
    </AuthLayout>
  )
}
