import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AuthLayout } from '#app/auth/auth-layout'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { getUser, switchSessionWorkspace } from '#app/auth/session.server'
import { Button, buttonClass } from '#app/components/ui/button'
import { translatorOf } from '#app/i18n/language.server'
import { titleFrom } from '#app/i18n/meta'
import { Trans, useT } from '#app/i18n/provider'
import { acceptInvite, findOpenInvite } from '#app/workspaces/invites.server'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'auth.invite.metaTitle') }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invite = await findOpenInvite(params.token!)
  if (!invite) throw new Response((await translatorOf(request))('auth.invite.expired'), { status: 404 })
  const user = await getUser(request)
  return { token: params.token!, workspaceName: invite.workspace.name, role: invite.role, user: user ? { email: user.email } : null }
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const user = await getUser(request)
  if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: `/invite/${params.token}` })}`)
  const joined = await acceptInvite({ token: params.token!, userId: user.id })
  if (!joined) throw new Response('This invite link has expired, was revoked or was already used.', { status: 404 })
  await switchSessionWorkspace(user.sessionHash, joined.workspaceId)
  throw redirect('/dashboard')
}

export default function InviteRoute() {
  const { token, workspaceName, role, user } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <AuthLayout
      title={t('auth.invite.title', { workspace: workspaceName })}
      footer={
        <Link to="/" className="underline">
          {t('auth.invite.notNow')}
        </Link>
      }
    >
      <p className="mb-5 text-slate-600">
        <Trans i18nKey="auth.invite.invitedAs" values={{ role }} components={{ strong: <strong /> }} />
      </p>
      {user ? (
        <Form method="post">
          <p className="mb-4 text-sm text-slate-600">{t('auth.invite.loggedInAs', { email: user.email })}</p>
          <Button className="w-full">{t('auth.invite.accept')}</Button>
        </Form>
      ) : (
        <div className="space-y-3">
          <Link className={buttonClass('primary', 'w-full')} to={`/signup?invite=${encodeURIComponent(token)}`}>
            {t('auth.invite.createAndJoin')}
          </Link>
          <Link className={buttonClass('secondary', 'w-full')} to={`/login?redirectTo=${encodeURIComponent(`/invite/${token}`)}`}>
            {t('auth.invite.logInToJoin')}
          </Link>
        </div>
      )}
    </AuthLayout>
  )
}
