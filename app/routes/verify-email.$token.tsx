import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AuthLayout } from '#app/auth/auth-layout'
import { getUser } from '#app/auth/session.server'
import { verifyEmail } from '#app/auth/verification.server'
import { buttonClass } from '#app/components/ui/button'
import { titleFrom } from '#app/i18n/meta'
import { useT } from '#app/i18n/provider'

// The link of a verification mail. Opening it verifies (a GET that changes state: it only ever marks an address
// proven, once, so a mail scanner that follows it does what the person would). A dead link says why.

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'common.account.verify.metaTitle') }]

const DEAD_LINK = {
  expired: 'common.account.verify.expired',
  used: 'common.account.verify.used',
  unknown: 'common.account.verify.unknown',
} as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const verified = await verifyEmail({ token: params.token! })
  if (verified.ok) {
    const user = await getUser(request)
    throw redirect(user?.id === verified.userId ? '/dashboard' : '/login')
  }
  return data({ state: verified.state }, { status: verified.state === 'unknown' ? 404 : 410 })
}

export default function VerifyEmailTokenRoute() {
  const { state } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <AuthLayout title={t('common.account.deadLinkTitle')} footer={null}>
      <div className="space-y-4" data-testid="dead-verification-link">
        <p role="alert" className="text-slate-700">
          {t(DEAD_LINK[state])}
        </p>
        <Link className={buttonClass('primary', 'w-full')} to="/verify-email">
          {t('common.account.verify.logInOrNewLink')}
        </Link>
      </div>
    </AuthLayout>
  )
}
