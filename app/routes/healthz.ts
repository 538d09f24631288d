import { pingDatabase } from '#app/db.server'

// For load balancers and orchestrators: 503 takes this process out of rotation while its database is away.
export async function loader() {
  const isDatabaseUp = await pingDatabase()
  return Response.json({ status: isDatabaseUp ? 'ok' : 'degraded', database: isDatabaseUp ? 'ok' : 'unreachable' }, { status: isDatabaseUp ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
