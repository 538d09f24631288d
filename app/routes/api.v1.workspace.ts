import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireApiCaller } from '#app/api-keys/api-key.server'
import { allowMethods } from '#app/http/methods.server'

const methods = allowMethods(['GET'])

export async function loader({ request }: LoaderFunctionArgs) {
  methods.require(request)
  const { workspace } = await requireApiCaller(request)
  return Response.json({ id: workspace.id, name: workspace.name })
}

export const action = methods.refuse
