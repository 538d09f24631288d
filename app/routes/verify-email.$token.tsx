import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AuthLayout } from '#app/auth/auth-layout'
import { getUser } from '#app/auth/session.server'
import { verifyEmail } from '#app/auth/verification.server'
import { buttonClass } from '#app/components/ui/button'

// The link of a verification mail. Opening it verifies (a GET that changes state: it only ever marks an address
// proven, once, so a mail scanner that follows it does what the person would). A dead link says why.

export const meta: MetaFunction = () => [{ title: 'Confirm your email · Splitform' }]

const DEAD_LINK = {
  expired: 'This confirmation link has expired: links work for 24 hours. Log in to get a new one.',
  used: 'This confirmation link was already used: your address is confirmed. Log in to continue.',
  unknown: 'This confirmation link is not valid: check that the whole link was copied.',
} as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const verified = await verifyEmail({ token: params.token! })
  if (verified.ok) {
    const user = await getUser(request)
    throw redirect(user?.id === verified.userId ? '/dashboard' : '/login')
  }
  return data({ message: DEAD_LINK[verified.state] }, { status: verified.state === 'unknown' ? 404 : 410 })
}

export default function VerifyEmailTokenRoute() {
  const { message } = useLoaderData<typeof loader>()
  return (
    <AuthLayout title="This link does not work" footer={null}>
      <div className="space-y-4" data-testid="dead-verification-link">
        <p role="alert" className="text-slate-700">
          {message}
        </p>
        <Link className={buttonClass('primary', 'w-full')} to="/verify-email">
          Log in or get a new link
        </Link>
      </div>
    </AuthLayout>
  )
}
