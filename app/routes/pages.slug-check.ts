import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMember } from '#app/auth/session.server'
import { isSlugAvailable } from '#app/pages/queries.server'
import { SlugSchema } from '#app/pages/schema'

// "Checked as you type": the page forms ask here while the marketer edits a slug.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  const url = new URL(request.url)
  const parsed = SlugSchema.safeParse(url.searchParams.get('slug') ?? '')
  if (!parsed.success) return { available: false, message: parsed.error.issues[0]!.message }
  const available = await isSlugAvailable({ slug: parsed.data, exceptPageId: url.searchParams.get('page') ?? undefined })
  return { available, message: available ? `/p/${parsed.data} is available` : 'This slug is already taken' }
}
