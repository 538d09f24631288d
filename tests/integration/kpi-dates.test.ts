import { expect, test } from 'vitest'
import { loader as kpisLoader } from '#app/routes/api.v1.kpis'
import { loader as leadsLoader } from '#app/routes/api.v1.leads'
import { action as spendAction } from '#app/routes/_app.settings.spend'
import { loader as dashboardLoader } from '#app/routes/_app.dashboard/route'
import { insertLead } from '#tests/factories/lead-rows'
import { apiKeyCaller, callRoute, createOwner, readResult } from '#tests/factories/accounts'

// Every query runs against the database (PostgreSQL when DATABASE_URL is set): the edges of the supported
// range must reach it and come back, and what lies outside must be a 400 before it does.

test('GET /api/v1/kpis: out-of-range days are a 400 naming the parameter; the edges answer 200', async () => {
  const owner = await createOwner()
  const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
  const kpis = (query: string) => call(kpisLoader, `/api/v1/kpis?${query}`)

  const far = await kpis('from=9999-12-31&to=9999-12-31&compare=previous')
  expect(far).toMatchObject({ status: 400, body: { errors: { from: ['Use a day from 2000-01-01 to 2100-12-31'], to: ['Use a day from 2000-01-01 to 2100-12-31'] } } })
  expect((await kpis('from=0001-01-01&to=0001-01-31')).body.errors).toHaveProperty('from')
  expect((await kpis('from=2100-12-01&to=2101-01-01')).body.errors).toEqual({ to: ['Use a day from 2000-01-01 to 2100-12-31'] })
  const early = await kpis('from=2000-01-01&to=2000-01-31&compare=previous')
  expect(early.status).toBe(400)
  expect(early.body.errors.from[0]).toMatch(/^With compare=previous the period before would start on 1999-12-01/)

  for (const query of [
    'from=2100-12-31&to=2100-12-31&compare=previous',
    'from=2000-01-01&to=2000-01-01',
    'from=2000-01-02&to=2000-01-02&compare=previous',
    'from=2100-01-01&to=2100-12-31&compare=previous',
  ]) {
    const ok = await kpis(query)
    expect(ok.status, `${query}: ${JSON.stringify(ok.body)}`).toBe(200)
  }
  const last = await kpis('from=2100-12-31&to=2100-12-31&compare=previous')
  expect(last.body).toMatchObject({ period: { from: '2100-12-31', to: '2100-12-31', days: 1 }, comparison: { from: '2100-12-30', to: '2100-12-30' } })
})

test('the dashboard never fails on its URL: out-of-range days fall back to the default period and say so', async () => {
  const owner = await createOwner()
  await insertLead({ workspaceId: owner.workspaceId }) // some activity, so the report is really computed
  const open = async (query: string) => readResult(await callRoute(dashboardLoader as never, `/dashboard?${query}`, { cookie: owner.cookie }))
  for (const query of ['from=9999-12-31&to=9999-12-31', 'period=custom&from=0000-01-01&to=0000-01-01&compare=previous', 'from=2000-01-01&to=2000-01-31']) {
    const page = await open(query)
    expect(page.status, query).toBe(200)
    expect(page.body, query).toMatchObject({
      selection: { period: '30d' },
      ignored: expect.arrayContaining([expect.stringMatching(/^from \(/)]),
      report: expect.objectContaining({ period: expect.any(Object) }),
    })
  }
  const edge = await open('from=2100-12-31&to=2100-12-31')
  expect(edge.body).toMatchObject({ selection: { period: 'custom', from: '2100-12-31' }, ignored: [] })
})

test('the leads the report links to take the same days: far ones are a 400 naming the parameter, not a 500', async () => {
  const owner = await createOwner()
  const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
  const outside = ['Use a day from 2000-01-01 to 2100-12-31']
  for (const [name, day, extra] of [
    ['to', '9999-12-31', ''],
    ['from', '0000-01-01', ''],
    ['convertedFrom', '0000-01-01', ''],
    ['convertedTo', '9999-12-31', ''],
    ['reachedTo', '9999-12-31', '&reached=mql'],
  ] as const) {
    expect(await call(leadsLoader, `/api/v1/leads?${name}=${day}${extra}`), name).toMatchObject({ status: 400, body: { errors: { [name]: outside } } })
  }
  expect((await call(leadsLoader, '/api/v1/leads?from=2000-01-01&to=2100-12-31&convertedFrom=2000-01-01&convertedTo=2100-12-31')).status).toBe(200)

  // Spend is entered per month, within the same range.
  const spend = async (month: string) => readResult(await callRoute(spendAction as never, '/settings/spend', { cookie: owner.cookie, form: { month, spend_email: '10' } }))
  expect(await spend('0000-01')).toMatchObject({ status: 400, body: { errors: { fieldErrors: { month: ['Use a month from 2000-01 to 2100-12'] } } } })
  expect((await spend('9999-12')).status).toBe(400)
  expect(await spend('2100-12')).toMatchObject({ status: 200, body: { saved: '2100-12' } })
})
