import { eq } from 'drizzle-orm'
import { db } from '#app/db.server'
import { createExperiment, transitionExperiment } from '#app/experiments/experiment.server'

type ExperimentInput = Parameters<typeof createExperiment>[0]['input']
import type { FormDefinitionInput } from '#app/forms/definition'
import type { PrivacyMode } from '#db/enums'
import { createVariant, publishPage } from '#app/pages/queries.server'
import { experimentDaily, experiments, pages } from '#db/schema'
import { action as createApi } from '#app/routes/api.v1.experiments'
import { action as actionApi } from '#app/routes/api.v1.experiments.$id.$action'
import { action as patchApi, loader as getApi } from '#app/routes/api.v1.experiments.$id'
import { CONSENT_FORM, publishFormPage } from '#tests/factories/published-forms'
import { apiKeyCaller, createOwner } from '#tests/factories/accounts'

/** An owner with an API key, and a call() that runs API routes in process like Remix does. */
export async function experimentApi() {
  const owner = await createOwner({ name: 'Growth' })
  const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId, name: 'experiments' })
  const api = {
    create: (body: unknown) => call(createApi, '/api/v1/experiments', { method: 'POST', body }),
    act: (id: string, action: string, body?: unknown) => call(actionApi, `/api/v1/experiments/${id}/${action}`, { method: 'POST', body: body ?? {}, params: { id, action } }),
    patch: (id: string, body: unknown) => call(patchApi, `/api/v1/experiments/${id}`, { method: 'PATCH', body, params: { id } }),
    get: (id: string) => call(getApi, `/api/v1/experiments/${id}`, { params: { id } }),
  }
  return { owner, api }
}

/** A published page with a form and `variants` variants (A, B, C…), each published. */
export async function publishExperimentPage(
  owner: { workspaceId: string; userId: string },
  { variants = 2, definition = CONSENT_FORM, privacyMode }: { variants?: number; definition?: FormDefinitionInput; privacyMode?: PrivacyMode } = {},
) {
  const page = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId, definition, privacyMode })
  for (let i = 1; i < variants; i++) await createVariant({ workspaceId: owner.workspaceId, pageId: page.pageId, name: `Variant ${i}` })
  const published = await publishPage({ workspaceId: owner.workspaceId, pageId: page.pageId, userId: owner.userId })
  if (!published.ok) throw new Error('publish failed')
  return page
}

/**
 * A started A/B test of variants A and B (half each) on `pageId`: unless `input` says otherwise, decided on any
 * conversion at 95 %, at least 14 days, 20,000 visitors planned per variant, no auto-ship. Returns its id.
 */
export async function startExperiment(owner: { workspaceId: string; userId: string }, pageId: string, input: Partial<ExperimentInput> = {}) {
  const actor = { userId: owner.userId, actor: 'member' as const }
  const created = await createExperiment({
    workspaceId: owner.workspaceId,
    input: {
      pageId,
      name: 'Rubriktest',
      hypothesis: '',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
      coverage: 1,
      primaryMetric: 'any',
      secondaryMetrics: [],
      confidence: 0.95,
      minRuntimeDays: 14,
      plannedVisitorsPerVariant: 20_000,
      autoShip: false,
      ...input,
    },
    actor,
  })
  if (!created.ok) throw new Error(JSON.stringify(created.errors))
  const started = await transitionExperiment({ workspaceId: owner.workspaceId, id: created.experiment.id, action: 'start', actor })
  if (!started.ok) throw new Error(JSON.stringify(started.errors))
  return created.experiment.id
}

/**
 * A running A/B test of a new owner's, 2 days in: 12,000 and 11,500 visitors on one day, 600 and 920 conversions, so
 * B wins clearly (the translated results screens read its sentences and figures in each language).
 */
export async function seedRunningExperiment({ ownerName, name, pageName }: { ownerName: string; name: string; pageName?: string }) {
  const owner = await createOwner({ name: ownerName })
  const page = await publishExperimentPage(owner, { variants: 2 })
  if (pageName) await db.update(pages).set({ name: pageName }).where(eq(pages.id, page.pageId))
  const id = await startExperiment(owner, page.pageId, { name })
  await db
    .update(experiments)
    .set({ startedAt: new Date(Date.now() - 2.5 * 86_400_000) })
    .where(eq(experiments.id, id))
  const counts = { A: { visitors: 12_000, any: 600 }, B: { visitors: 11_500, any: 920 } }
  await db.insert(experimentDaily).values(
    (['A', 'B'] as const).flatMap((key) =>
      (['visitors', 'any'] as const).map((metric) => ({
        experimentId: id,
        day: '2026-11-01',
        variantKey: key,
        device: 'desktop',
        channel: 'direct',
        metric: metric === 'visitors' ? '' : metric,
        count: counts[key][metric],
      })),
    ),
  )
  return { owner, id, pageId: page.pageId }
}
