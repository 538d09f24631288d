import { and, eq, gte, inArray, sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { DAY_MS } from '#app/time/days'
import { conversions, leads, pageViews } from '#db/schema'
import { choosePipelineBaseline, PIPELINE_HISTORY_DAYS, planPipelineVisitors, type PipelineBaseline, type PipelineSums } from './pipeline-plan'
import { isStageMetric, PIPELINE_METRIC, type CreateExperiment } from './schema'
import { getStageHistory } from './stage-history.server'
import { chooseStageBaseline, planRateVisitors } from './stage-plan'

/** The relative lift a plan made without the marketer's say is sized for, as the decision's own default plan. */
const DEFAULT_PLAN_MDE = 0.1
/** The largest planned sample an experiment stores (CreateExperimentSchema). */
const MAX_STORED_PLAN = 100_000_000

/**
 * The planned sample of an experiment created through the API: the one given, else for pipeline per visitor the
 * mean plan from the page's (else the workspace's) last 90 days, and for a stage metric the rate plan at the page's
 * stage rate over its visitors mature at the experiment's maturityDays (decision 082); at a 10% lift, the
 * experiment's confidence and variants. Without enough history it stays unplanned, and the decision plans from the
 * experiment's own data.
 */
export async function resolvePlannedVisitors({ workspaceId, input }: { workspaceId: string; input: CreateExperiment }): Promise<number | null> {
  if (input.plannedVisitorsPerVariant) return input.plannedVisitorsPerVariant
  const settings = { relativeMde: DEFAULT_PLAN_MDE, confidence: input.confidence, variants: input.variants.length }
  let planned: number | null = null
  if (input.primaryMetric === PIPELINE_METRIC) {
    const baseline = await getPipelineBaseline({ workspaceId, pageId: input.pageId })
    planned = baseline ? planPipelineVisitors({ ...baseline, ...settings }) : null
  } else if (typeof input.primaryMetric === 'string' && isStageMetric(input.primaryMetric)) {
    const baselineRate = chooseStageBaseline(await getStageHistory({ workspaceId, pageId: input.pageId, maturityDays: input.maturityDays }), input.primaryMetric)
    planned = baselineRate === null ? null : planRateVisitors({ baselineRate, ...settings })
  }
  return planned !== null && planned <= MAX_STORED_PLAN ? planned : null
}

/**
 * The last 90 days of pipeline per visitor, on the page and on the whole workspace: distinct visitors from
 * page_views, and the deal values of the leads that converted there, each lead once, counted while the lead is at
 * Opportunity or Customer, as the pipeline metric counts them (decision 060), with the sums of their logs for the
 * deal values' shape (decision 078). Then the page's when it has enough deals, else the workspace's, else null (the
 * form asks for the figures).
 */
export async function getPipelineBaseline({ workspaceId, pageId, now = new Date() }: { workspaceId: string; pageId: string; now?: Date }): Promise<PipelineBaseline | null> {
  const since = new Date(now.getTime() - PIPELINE_HISTORY_DAYS * DAY_MS)
  const [page, workspace] = await Promise.all([readPipelineSums({ workspaceId, pageId, since }), readPipelineSums({ workspaceId, since })])
  return choosePipelineBaseline({ page, workspace })
}

async function readPipelineSums({ workspaceId, pageId, since }: { workspaceId: string; pageId?: string; since: Date }): Promise<PipelineSums> {
  const onPage = (column: typeof pageViews.pageId | typeof conversions.pageId) => (pageId ? eq(column, pageId) : undefined)
  const [views] = await db
    .select({ visitors: sql<number>`count(distinct ${pageViews.visitorId})::int` })
    .from(pageViews)
    .where(and(eq(pageViews.workspaceId, workspaceId), onPage(pageViews.pageId), gte(pageViews.viewedAt, since)))
  const converted = db
    .selectDistinct({ leadId: conversions.leadId })
    .from(conversions)
    .where(and(eq(conversions.workspaceId, workspaceId), onPage(conversions.pageId), gte(conversions.createdAt, since)))
  const [deals] = await db
    .select({
      deals: sql<number>`count(*)::int`,
      total: sql<number>`coalesce(sum(${leads.dealValue}), 0)::float8`,
      sumOfSquares: sql<number>`coalesce(sum(${leads.dealValue} * ${leads.dealValue}), 0)::float8`,
      // The logs give the deal values' shape (decision 078); the filter below keeps every value above 0.
      sumOfLogs: sql<number>`coalesce(sum(ln(${leads.dealValue})), 0)::float8`,
      sumOfSquaredLogs: sql<number>`coalesce(sum(ln(${leads.dealValue}) * ln(${leads.dealValue})), 0)::float8`,
    })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.id, converted), inArray(leads.stage, ['opportunity', 'customer']), sql`${leads.dealValue} > 0`))
  return {
    visitors: views?.visitors ?? 0,
    deals: deals?.deals ?? 0,
    total: deals?.total ?? 0,
    sumOfSquares: deals?.sumOfSquares ?? 0,
    sumOfLogs: deals?.sumOfLogs ?? 0,
    sumOfSquaredLogs: deals?.sumOfSquaredLogs ?? 0,
  }
}
