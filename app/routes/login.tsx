import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useSearchParams } from '@remix-run/react'
import { AuthLayout } from '#app/auth/auth-layout'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { verifyLogin } from '#app/auth/queries.server'
import { LoginSchema } from '#app/auth/schema'
import { createSession, getUser, safeRedirectTo } from '#app/auth/session.server'
import { throttleAuthAttempt } from '#app/auth/throttle.server'
import { Button } from '#app/components/ui/button'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { badRequest, parseForm } from '#app/http/form-data.server'

export const meta: MetaFunction = () => [{ title: 'Log in · Splitform' }]

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/dashboard')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const parsed = await parseForm(request, LoginSchema)
  if (!parsed.ok) return parsed.response
  const { email, password, redirectTo } = parsed.data
  const throttled = await throttleAuthAttempt({ kind: 'login', ip: context.clientIp, email })
  if (throttled) return throttled
  const userId = await verifyLogin({ email, password })
  if (!userId) return badRequest({ formErrors: ['Wrong email or password'] })
  // A new session id at every login: a session fixed before login is worth nothing after it.
  const cookie = await createSession({ userId, workspaceId: null })
  throw redirect(safeRedirectTo(redirectTo), { headers: { 'Set-Cookie': cookie } })
}

export default function LoginRoute() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(LoginSchema, actionData?.errors)
  return (
    <AuthLayout title="Log in" footer={<>New here? <Link className="font-medium text-brand-700 underline" to="/signup">Create a workspace</Link></>}>
      <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormErrorList errors={actionData?.errors.formErrors} />
        <Field label="Email" type="email" autoComplete="email" {...form.register('email')} error={errorFor('email')} />
        <Field label="Password" type="password" autoComplete="current-password" {...form.register('password')} error={errorFor('password')} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Button className="w-full" disabled={isSubmitting}>{isSubmitting ? 'Logging in…' : 'Log in'}</Button>
      </Form>
    </AuthLayout>
  )
}
