import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { checkChatWebhookTarget } from '#app/alerts/alerts.server'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { jsonError, parseJsonBody } from '#app/http/json.server'
import { allowMethods } from '#app/http/methods.server'
import { checkCmpTargets } from '#app/privacy/cmp.server'
import { ownerOnlyChanges, WorkspacePatchSchema } from '#app/workspaces/schema'
import { getWorkspaceSettings, updateWorkspace } from '#app/workspaces/workspace.server'

// GET → { id, name, timezone, currency, alerts, privacy }. PATCH { name?, timezone?, currency?, alerts?, privacy? } →
// the same, changed; an unknown zone or currency, a chat URL that is not https or is private, an unknown privacy key
// or a value out of range is a 400 naming it. `privacy` is merged into what is stored (issue 19,
// docs/published-pages.md#the-consent-banner). A new timezone starts the workspace's rollups over (decision 072):
// `rollups` then says how many page views are being counted again, by the days of the new zone.
// `alerts: { chatWebhookUrl }` is where experiment alerts go (decision 088). `privacy.cmp` is the site's own consent
// tool (decision 095): http or a private host is a 400 in production, and a host that is no known vendor's nor the
// operator's (CMP_ALLOWED_HOSTS, decision 097) everywhere. Changing any of these is an owner's (as on
// Settings): another member's key gets a 403 naming each key it may not change.
const methods = allowMethods(['GET', 'PATCH'])
const OWNERS_ONLY = "Only a workspace owner's API key may change this (a key acts with the role of the member who created it)"

export async function loader({ request }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  return Response.json(await getWorkspaceSettings({ workspaceId: workspace.id }))
}

export async function action({ request }: ActionFunctionArgs) {
  methods.require(request)
  const { workspace, role } = await requireApiCaller(request)
  const changes = await parseJsonBody(request, WorkspacePatchSchema)
  // A key acts with its creator's role: what Settings lets only an owner change, only an owner's key may.
  const ownersOnly = role === 'owner' ? [] : ownerOnlyChanges(changes)
  if (ownersOnly.length > 0) throw jsonError(403, { errors: Object.fromEntries(ownersOnly.map((key) => [key, [OWNERS_ONLY]])) })
  const refused = checkChatWebhookTarget(changes.alerts?.chatWebhookUrl) ?? checkCmpTargets(changes.privacy?.cmp)
  if (refused) throw jsonError(400, { errors: refused })
  const { requeued } = await updateWorkspace({ workspaceId: workspace.id, changes })
  const settings = await getWorkspaceSettings({ workspaceId: workspace.id })
  return Response.json(requeued > 0 ? { ...settings, rollups: { rebuilding: true, pageViewsRequeued: requeued } } : settings)
}
