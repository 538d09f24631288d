import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireMember, switchSessionWorkspace } from '#app/auth/session.server'
import { parseForm } from '#app/http/form-data.server'
import { translatorOf } from '#app/i18n/language.server'
import { listUserWorkspaces } from '#app/workspaces/workspace.server'

const SwitchSchema = z.object({ workspaceId: z.uuid('Choose a workspace') })

export async function loader() {
  return redirect('/dashboard')
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireMember(request)
  const parsed = await parseForm(request, SwitchSchema)
  if (!parsed.ok) return parsed.response
  const mine = await listUserWorkspaces({ userId: user.id })
  if (!mine.some((w) => w.id === parsed.data.workspaceId)) throw new Response((await translatorOf(request))('workspaceNew.noSuchWorkspace'), { status: 404 })
  await switchSessionWorkspace(user.sessionHash, parsed.data.workspaceId)
  throw redirect('/dashboard')
}
