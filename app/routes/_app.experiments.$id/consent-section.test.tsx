import { sql } from 'drizzle-orm'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { buildExperimentConsent, type ExperimentConsent } from '#app/experiments/results/consent'
import { loader as resultsApi } from '#app/routes/api.v1.experiments.$id.results'
import { apiKeyCaller, createOwner } from '#tests/factories/accounts'
import { publishExperimentPage, startExperiment } from '#tests/factories/experiments'
import { cellsOf, elementWith, renderRoute, textOf } from '#tests/render-route'
import { ConsentSection } from './consent-section'
import * as route from './route'

// The results page's consent section: from its real loader on page_view_daily rows written for the experiment's
// page, and on its own for the states a seeded experiment would not all show.

async function seedRunningExperiment() {
  const owner = await createOwner({ name: 'Connie Consent' })
  const page = await publishExperimentPage(owner, { variants: 2 })
  const id = await startExperiment(owner, page.pageId, { name: 'Banner-safe headline', minRuntimeDays: 7, plannedVisitorsPerVariant: null })
  return { owner, id, pageId: page.pageId }
}

/** A day of the page's views in the rollup, today in the workspace's zone (the experiment started today). */
async function rollUp(workspaceId: string, pageId: string, variantKey: string, { asked, consented, cookieless }: { asked: number; consented: number; cookieless: number }) {
  await db.execute(sql`insert into page_view_daily (workspace_id, day, page_id, variant_key, views, asked_views, consented_views, cookieless_views)
    select id, (now() at time zone timezone)::date, ${pageId}, ${variantKey}, ${asked}, ${asked}, ${consented}, ${cookieless} from workspaces where id = ${workspaceId}`)
}

const render = (id: string, cookie: string) => renderRoute({ id: 'routes/_app.experiments.$id', path: `/experiments/${id}`, pattern: 'experiments/:id', module: route, cookie })

describe('the results page’s consent section', () => {
  test('shows each variant’s consent rate and warns, saying why, when a variant changes it', async () => {
    const { owner, id, pageId } = await seedRunningExperiment()
    await rollUp(owner.workspaceId, pageId, 'A', { asked: 2000, consented: 1240, cookieless: 760 })
    await rollUp(owner.workspaceId, pageId, 'B', { asked: 2000, consented: 1000, cookieless: 1000 })
    const { status, html } = await render(id, owner.cookie)
    expect(status).toBe(200)
    expect(cellsOf(elementWith(html, 'data-testid="consent-row" data-variant="A"')!)).toEqual(['A', '2,000', '1,240', '62.0%', '760'])
    expect(cellsOf(elementWith(html, 'data-testid="consent-row" data-variant="B"')!)).toEqual(['B', '2,000', '1,000', '50.0%', '1,000'])
    const warning = textOf(elementWith(html, 'data-testid="consent-warning"')!)
    expect(warning).toContain('The variants change how many visitors accept cookies: A 62.0% against B 50.0% (p < 0.0001)')
    expect(warning).toContain('biased')

    // The same in GET /api/v1/experiments/:id/results.
    const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const { status: apiStatus, body } = await call(resultsApi, `/api/v1/experiments/${id}/results`, { params: { id } })
    expect(apiStatus).toBe(200)
    const { consent } = body as { consent: ExperimentConsent }
    expect(consent.variants).toEqual([
      { key: 'A', views: 2000, consented: 1240, rate: 0.62, cookieless: 760 },
      { key: 'B', views: 2000, consented: 1000, rate: 0.5, cookieless: 1000 },
    ])
    expect(consent.pValue).toBeLessThan(0.001)
    expect(consent.consentRateWarning).toBe(warning.replace(/^⚠ /, ''))
  })

  test('another page’s views, and the experiment’s page in another workspace, do not count', async () => {
    const { owner, id, pageId } = await seedRunningExperiment()
    const other = await seedRunningExperiment()
    await rollUp(owner.workspaceId, pageId, 'A', { asked: 100, consented: 60, cookieless: 40 })
    await rollUp(owner.workspaceId, other.pageId, 'B', { asked: 900, consented: 10, cookieless: 890 })
    await rollUp(other.owner.workspaceId, other.pageId, 'A', { asked: 900, consented: 10, cookieless: 890 })
    const { html } = await render(id, owner.cookie)
    expect(cellsOf(elementWith(html, 'data-testid="consent-row" data-variant="A"')!)).toEqual(['A', '100', '60', '60.0%', '40'])
    expect(cellsOf(elementWith(html, 'data-testid="consent-row" data-variant="B"')!)).toEqual(['B', '0', '0', 'Not asked', '0'])
    expect(html).not.toContain('data-testid="consent-warning"')
  })

  test('rates that agree say so; cookieless mode says "not asked"; cookies mode shows nothing', () => {
    const agree = renderToStaticMarkup(
      <ConsentSection
        consent={buildExperimentConsent(
          ['A', 'B'],
          [
            { key: 'A', views: 1000, consented: 610, cookieless: 390 },
            { key: 'B', views: 1000, consented: 600, cookieless: 400 },
          ],
        )}
      />,
    )
    expect(agree).not.toContain('consent-warning')
    expect(textOf(elementWith(agree, 'data-testid="consent-test"')!)).toMatch(/^The variants’ consent rates agree \(p = 0\.6\d*\)/)
    const cookieless = renderToStaticMarkup(
      <ConsentSection
        consent={buildExperimentConsent(
          ['A', 'B'],
          [
            { key: 'A', views: 0, consented: 0, cookieless: 500 },
            { key: 'B', views: 0, consented: 0, cookieless: 480 },
          ],
        )}
      />,
    )
    expect(cellsOf(elementWith(cookieless, 'data-variant="A"')!)).toEqual(['A', '500'])
    expect(textOf(cookieless)).toContain('Not asked: the page served these views without a banner (cookieless mode)')
    expect(renderToStaticMarkup(<ConsentSection consent={buildExperimentConsent(['A', 'B'], [])} />)).toBe('')
  })
})
