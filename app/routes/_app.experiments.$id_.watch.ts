import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireMember } from '#app/auth/session.server'
import { setWatching } from '#app/experiments/alerts.server'
import { getExperiment } from '#app/experiments/experiment.server'
import { requireIdParam } from '#app/http/json.server'

// The watch toggle on an experiment's page: a watcher gets its alerts (app/experiments/alerts.server.ts) as its
// creator does. Any member may watch, viewers too: it changes nothing but their own mail.

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request)
  const id = requireIdParam(params.id, 'experiment')
  if (!(await getExperiment({ workspaceId: member.workspace.id, id }))) throw new Response('No such experiment in this workspace', { status: 404 })
  const watch = (await request.formData()).get('watch')
  if (watch !== 'on' && watch !== 'off') return new Response('Send watch=on or watch=off', { status: 400 })
  await setWatching({ experimentId: id, userId: member.user.id, isWatching: watch === 'on' })
  return redirect(`/experiments/${id}`, 303)
}
