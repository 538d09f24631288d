import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AuthLayout } from '#app/auth/auth-layout'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { getUser } from '#app/auth/session.server'
import { throttleVerificationResend } from '#app/auth/throttle.server'
import { isEmailVerificationRequired, resendVerificationMail } from '#app/auth/verification.server'
import { Button } from '#app/components/ui/button'
import { FormErrorList } from '#app/components/ui/field'
import { forwardRetryAfter } from '#app/rate-limits/rate-limit.server'
import { titleFrom } from '#app/i18n/meta'
import { Trans, useT } from '#app/i18n/provider'

// Where requireMember sends an account whose address is not verified, when the installation requires it
// (REQUIRE_EMAIL_VERIFICATION): what to do, and a button that mails a new link.

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'common.account.verify.metaTitle') }]
export const headers = forwardRetryAfter

async function requireUnverifiedUser(request: Request) {
  const user = await getUser(request)
  if (!user) throw redirect('/login')
  if (user.isEmailVerified || !isEmailVerificationRequired()) throw redirect('/dashboard')
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUnverifiedUser(request)
  return { email: user.email }
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const user = await requireUnverifiedUser(request)
  const throttled = await throttleVerificationResend({ ip: context.clientIp, userId: user.id })
  if (throttled) return throttled
  await resendVerificationMail({ userId: user.id })
  return { resent: true }
}

export default function VerifyEmailRoute() {
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <AuthLayout
      title={t('common.account.verify.title')}
      footer={
        <Form method="post" action="/logout">
          <button className="underline">{t('common.account.verify.logOut')}</button>
        </Form>
      }
    >
      <div className="space-y-4 text-sm text-slate-700">
        <p>
          <Trans i18nKey="common.account.verify.sent" values={{ email }} components={{ strong: <strong /> }} />
        </p>
        {actionData && 'resent' in actionData ? (
          <p role="status" className="rounded-md bg-green-50 p-3 text-green-900" data-testid="verification-resent">
            {t('common.account.verify.resent', { email })}
          </p>
        ) : null}
        <FormErrorList errors={actionData && 'errors' in actionData ? actionData.errors.formErrors : undefined} />
        <Form method="post">
          <Button variant="secondary" className="w-full">
            {t('common.account.verify.sendAgain')}
          </Button>
        </Form>
      </div>
    </AuthLayout>
  )
}
