import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { destroySession } from '#app/auth/session.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  throw redirect('/login', { headers: { 'Set-Cookie': await destroySession(request) } })
}
