import type { Experiment } from '#db/schema'

/** An experiment as the API shows it. */
export function experimentJson(experiment: Experiment, page?: { id: string; slug: string; name: string }) {
  return {
    id: experiment.id,
    name: experiment.name,
    hypothesis: experiment.hypothesis,
    status: experiment.status,
    pageId: experiment.pageId,
    ...(page ? { page: { slug: page.slug, name: page.name } } : {}),
    variants: experiment.variants,
    control: experiment.controlKey,
    coverage: experiment.coverage,
    primaryMetric: experiment.primaryMetric,
    secondaryMetrics: experiment.secondaryMetrics,
    confidence: experiment.confidence,
    minRuntimeDays: experiment.minRuntimeDays,
    plannedVisitorsPerVariant: experiment.plannedVisitorsPerVariant,
    maturityDays: experiment.maturityDays,
    autoShip: experiment.autoShip,
    winner: experiment.winnerKey,
    startedAt: experiment.startedAt,
    concludedAt: experiment.concludedAt,
    createdAt: experiment.createdAt,
  }
}
