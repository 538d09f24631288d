// Unknown API paths answer JSON, not the HTML 404 page: API clients parse the body.
function notFound({ request }: { request: Request }) {
  const { pathname } = new URL(request.url)
  return Response.json({ error: `No such API endpoint: ${request.method} ${pathname}` }, { status: 404 })
}

export const loader = notFound
export const action = notFound
