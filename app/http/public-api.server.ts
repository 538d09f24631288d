import type { ActionFunctionArgs } from '@remix-run/node'
import type { z } from 'zod'
import { jsonError, parseJsonBody } from '#app/http/json.server'
import { limitPublicApiCall } from '#app/rate-limits/api-limit.server'

// Public endpoints are CORS-open: anyone may compute on their own numbers, from any site.
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization, Content-Type' }

/**
 * A public POST-JSON endpoint: no key needed (a key raises the rate limit), body validated by `schema`,
 * answered with `compute(body)`. GET answers 405 with `usage`; OPTIONS answers the CORS preflight.
 */
export function createPublicJsonEndpoint<S extends z.ZodType>({
  schema,
  compute,
  usage,
}: {
  schema: S
  compute: (input: z.output<S>) => unknown
  usage: string
}) {
  return {
    loader: async () => jsonError(405, { error: `Use POST with a JSON body: ${usage}` }, { Allow: 'POST', ...CORS }),
    action: async ({ request, context }: ActionFunctionArgs) => {
      if (request.method === 'OPTIONS') {
        return new Response(null, { status: 204, headers: { ...CORS, 'Access-Control-Allow-Methods': 'POST' } })
      }
      if (request.method !== 'POST') return jsonError(405, { error: `Use POST with a JSON body: ${usage}` }, { Allow: 'POST', ...CORS })
      await limitPublicApiCall(request, context.clientIp)
      const input = await parseJsonBody(request, schema)
      return Response.json(compute(input), { headers: CORS })
    },
  }
}
