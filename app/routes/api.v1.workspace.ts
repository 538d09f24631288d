import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireApiCaller(request)
  return Response.json({ id: workspace.id, name: workspace.name })
}
