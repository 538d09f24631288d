import { requestedMethod } from '#app/http/methods.server'

// Unknown API paths answer JSON, not the HTML 404 page: API clients parse the body. Every method, the ones
// server.js re-sends as OPTIONS included (app/http/methods.server.ts), gets the same 404.
async function notFound({ request }: { request: Request }) {
  const { pathname } = new URL(request.url)
  return Response.json({ error: `No such API endpoint: ${requestedMethod(request).slice(0, 20)} ${pathname}` }, { status: 404 })
}

export const loader = notFound
export const action = notFound
