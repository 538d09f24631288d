// Data minimisation (issue 19): a page view stores no IP address and no user agent, only the device class. The
// columns of page_views are listed here on purpose: a column added to them must be looked at for privacy (and
// docs/privacy.md updated) before this test is changed. A view served over HTTP is stored with nothing from the
// request's address or its User-Agent header.
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db, queryRows } from '#app/db.server'
import { flushPageViews } from '#app/visitors/page-views.server'
import { createOwner } from '#tests/factories/accounts'
import { BROWSER_UA, hiddenFieldsOf, loopbackAddress, postFrom, publishFormPage, startVisitorServer } from '#tests/factories/published-forms'

const columnsOf = async (table: string) =>
  (await queryRows<{ column_name: string }>(db, sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`)).map(
    (r) => r.column_name,
  )

test('page_views has no column for an IP address or a user agent: the device class is all it keeps of the browser', async () => {
  expect(await columnsOf('page_views')).toEqual([
    'id',
    'workspace_id',
    'page_id',
    'variant_key',
    'visitor_id',
    'device',
    'channel',
    'utm_source',
    'utm_medium',
    'utm_campaign',
    'referrer',
    'path',
    'viewed_at',
    'consent',
  ])
  // Nor do the other tables a visit or a conversion writes, except the spam queue (held submissions keep the user agent for review).
  for (const table of ['page_views', 'exposures', 'conversions', 'visitor_sessions', 'experiment_conversions', 'spam_submissions']) {
    const columns = await columnsOf(table)
    expect(columns.filter((c) => /(^|_)ip($|_)|address|forwarded/.test(c))).toEqual([])
    if (table !== 'spam_submissions') expect(columns.filter((c) => /agent/.test(c))).toEqual([])
  }
})

test('a view and a conversion served over HTTP store the device class, and nothing of the address or the User-Agent header', async () => {
  const owner = await createOwner({ name: 'Minnie Minimal' })
  const page = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId })
  const server = await startVisitorServer()
  try {
    const from = loopbackAddress()
    const response = await fetch(`${server.url}/p/${page.slug}`, { headers: { 'User-Agent': BROWSER_UA } })
    const html = await response.text()
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ')
    const body = JSON.stringify({ ...hiddenFieldsOf(html), _idem: randomUUID(), email: `${randomUUID()}@example.com`, consent: true })
    const posted = await postFrom(from, `${server.url}/p/${page.slug}`, { headers: { 'User-Agent': BROWSER_UA, Cookie: cookie, Accept: 'application/json', 'Content-Type': 'application/json' }, body })
    expect(posted.status).toBe(201)
    await flushPageViews()
  } finally {
    await server.close()
  }
  const views = await queryRows<Record<string, unknown>>(db, sql`select * from page_views where page_id = ${page.pageId}`)
  const stored = await queryRows<Record<string, unknown>>(db, sql`select * from conversions where page_id = ${page.pageId}`)
  expect(views).toHaveLength(1)
  expect(stored).toHaveLength(1)
  expect(views[0]!.device).toBe('desktop')
  for (const row of [...views, ...stored]) {
    const text = JSON.stringify(row)
    for (const trace of ['127.', 'Mozilla', 'Chrome/131', 'X11', 'Linux']) expect(text).not.toContain(trace)
  }
})
