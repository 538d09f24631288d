import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { safeRedirectTarget } from '#app/auth/redirect-target'
import { requireMember } from '#app/auth/session.server'
import { setUserLocale } from '#app/auth/user.server'
import { parseForm } from '#app/http/form-data.server'
import { LanguageChoiceSchema } from '#app/i18n/schema'

export async function loader() {
  return redirect('/dashboard')
}

/** The user's menu posts here: their language for the admin, or empty to follow the browser; then back where they were. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireMember(request)
  const parsed = await parseForm(request, LanguageChoiceSchema)
  if (!parsed.ok) return parsed.response
  await setUserLocale({ userId: user.id, locale: parsed.data.locale || null })
  throw redirect(safeRedirectTarget(parsed.data.redirectTo))
}
