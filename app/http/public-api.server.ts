import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import type { z } from 'zod'
import { jsonError, parseJsonBody } from '#app/http/json.server'
import { requestedMethod } from '#app/http/methods.server'
import { limitPublicApiCall } from '#app/rate-limits/api-limit.server'

// Public endpoints are CORS-open: anyone may compute on their own numbers, from any site.
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization, Content-Type' }
const ALLOW = 'POST, OPTIONS'

/**
 * A public POST-JSON endpoint: no key needed (a key raises the rate limit), body validated by `schema`,
 * answered with `compute(body)`. OPTIONS answers the CORS preflight; any other method 405 with `usage`.
 */
export function createPublicJsonEndpoint<S extends z.ZodType>({ schema, compute, usage }: { schema: S; compute: (input: z.output<S>) => unknown; usage: string }) {
  const methodNotAllowed = (method: string) => jsonError(405, { error: `Method ${method.slice(0, 20)} not allowed here: use POST with a JSON body: ${usage}` }, { Allow: ALLOW, ...CORS })
  return {
    // Remix sends OPTIONS (the browser's CORS preflight) to the loader, not the action; server.js sends it the
    // methods Remix itself refuses, as OPTIONS naming the real one (app/http/methods.server.ts).
    loader: async ({ request }: LoaderFunctionArgs) => {
      const method = requestedMethod(request)
      if (method !== 'OPTIONS') return methodNotAllowed(method)
      return new Response(null, { status: 204, headers: { ...CORS, 'Access-Control-Allow-Methods': 'POST', Allow: ALLOW } })
    },
    action: async ({ request, context }: ActionFunctionArgs) => {
      if (request.method !== 'POST') return methodNotAllowed(request.method)
      await limitPublicApiCall(request, context.clientIp)
      const input = await parseJsonBody(request, schema)
      return Response.json(compute(input), { headers: CORS })
    },
  }
}
