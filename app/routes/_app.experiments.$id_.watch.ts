import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireMember } from '#app/auth/session.server'
import { setWatching } from '#app/experiments/alerts.server'
import { getExperiment } from '#app/experiments/experiment.server'
import { parseForm } from '#app/http/form-data.server'
import { requireIdParam } from '#app/http/json.server'
import { z } from 'zod'

// The watch toggle on an experiment's page: a watcher gets its alerts (app/experiments/alerts.server.ts) as its
// creator does. Any member may watch, viewers too: it changes nothing but their own mail.

const WatchFormSchema = z.object({ watch: z.enum(['on', 'off'], { error: 'Send watch=on or watch=off' }) })

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request)
  const id = requireIdParam(params.id, 'experiment')
  if (!(await getExperiment({ workspaceId: member.workspace.id, id }))) throw new Response('No such experiment in this workspace', { status: 404 })
  // parseForm: a body that is not a form (JSON, a NUL, too large) is a 400 or 413 naming it, never a 500.
  const parsed = await parseForm(request, WatchFormSchema)
  if (!parsed.ok) return parsed.response
  await setWatching({ experimentId: id, userId: member.user.id, isWatching: parsed.data.watch === 'on' })
  return redirect(`/experiments/${id}`, 303)
}
