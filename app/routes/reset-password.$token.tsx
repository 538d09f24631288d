import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { checkAccountToken, type TokenState } from '#app/auth/account-tokens.server'
import { AuthLayout } from '#app/auth/auth-layout'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { hashPassword } from '#app/auth/password.server'
import { resetPassword } from '#app/auth/password-reset.server'
import { ResetPasswordSchema } from '#app/auth/schema'
import { clearSessionCookie } from '#app/auth/session.server'
import { unlessHashBusy } from '#app/auth/throttle.server'
import { Button, buttonClass } from '#app/components/ui/button'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseForm } from '#app/http/form-data.server'
import { forwardRetryAfter } from '#app/rate-limits/rate-limit.server'
import { titleFrom } from '#app/i18n/meta'
import { useT } from '#app/i18n/provider'

// The link of a password-reset mail. A good link shows the new-password form; using it sets the password, ends every
// session of the account (this browser's too) and sends the browser to log in with the new password, so the
// member proves it once and every device they use asks for it. A dead link says why, with the way to a new one.

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'common.account.reset.title') }]
export const headers = forwardRetryAfter

// 404 for a link that never existed, 410 for one that did and no longer works.
const deadLink = (state: Exclude<TokenState, 'valid'>) => data({ state }, { status: state === 'unknown' ? 404 : 410 })

export async function loader({ params }: LoaderFunctionArgs) {
  const state = await checkAccountToken({ token: params.token!, purpose: 'password-reset' })
  if (state !== 'valid') return deadLink(state)
  return { state }
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const state = await checkAccountToken({ token: params.token!, purpose: 'password-reset' })
  if (state !== 'valid') return deadLink(state)
  const parsed = await parseForm(request, ResetPasswordSchema)
  if (!parsed.ok) return parsed.response
  const hashed = await unlessHashBusy(hashPassword(parsed.data.newPassword))
  if (!hashed.ok) return hashed.response
  const reset = await resetPassword({ token: params.token!, passwordHash: hashed.value })
  if (!reset.ok) return deadLink(reset.state)
  throw redirect('/login?reset=1', { headers: { 'Set-Cookie': await clearSessionCookie(request) } })
}

const DEAD_LINK = {
  expired: 'common.account.reset.expired',
  used: 'common.account.reset.used',
  unknown: 'common.account.reset.unknown',
} as const satisfies Record<Exclude<TokenState, 'valid'>, string>

export default function ResetPasswordRoute() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const state = actionData && 'state' in actionData ? actionData.state : loaderData.state
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(ResetPasswordSchema, errors)
  const t = useT()
  return (
    <AuthLayout
      title={state === 'valid' ? t('common.account.reset.title') : t('common.account.deadLinkTitle')}
      footer={
        <Link className="font-medium text-brand-700 underline" to="/login">
          {t('common.account.backToLogin')}
        </Link>
      }
    >
      {state === 'valid' ? (
        <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
          <FormErrorList errors={errors?.formErrors} />
          <Field
            label={t('common.account.reset.newPassword')}
            type="password"
            autoComplete="new-password"
            hint={t('common.account.reset.newPasswordHint')}
            {...form.register('newPassword')}
            error={errorFor('newPassword')}
          />
          <Field label={t('common.account.reset.repeat')} type="password" autoComplete="new-password" {...form.register('confirmPassword')} error={errorFor('confirmPassword')} />
          <p className="text-sm text-slate-600">{t('common.account.reset.logsOut')}</p>
          <Button className="w-full" disabled={isSubmitting}>
            {isSubmitting ? t('common.account.reset.submitting') : t('common.account.reset.submit')}
          </Button>
        </Form>
      ) : (
        <div className="space-y-4" data-testid="dead-reset-link">
          <p role="alert" className="text-slate-700">
            {t(DEAD_LINK[state])}
          </p>
          <Link className={buttonClass('primary', 'w-full')} to="/forgot-password">
            {t('common.account.reset.newLink')}
          </Link>
        </div>
      )}
    </AuthLayout>
  )
}
