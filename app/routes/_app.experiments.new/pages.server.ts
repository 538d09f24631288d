import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { getPipelineBaseline } from '#app/experiments/pipeline-history.server'
import { DEFAULT_MATURITY_DAYS, metricKey } from '#app/experiments/schema'
import { getStageHistory } from '#app/experiments/stage-history.server'
import { DAY_MS } from '#app/time/days'
import { conversions, pages, pageVariants, pageVersions, pageViews } from '#db/schema'
import type { PageTraffic } from './plan'

/** The workspace's published, unarchived pages with every variant, and whether it is in the live version. */
export async function listPageChoices({ workspaceId }: { workspaceId: string }) {
  const rows = await db
    .select({ id: pages.id, name: pages.name, slug: pages.slug, publishedKeys: sql<string[]>`jsonb_path_query_array(${pageVersions.content}, '$.variants[*].key')` })
    .from(pages)
    .innerJoin(pageVersions, eq(pageVersions.id, pages.publishedVersionId))
    .where(and(eq(pages.workspaceId, workspaceId), isNull(pages.archivedAt)))
    .orderBy(pages.name)
  const variants = rows.length
    ? await db
        .select({ pageId: pageVariants.pageId, key: pageVariants.key, name: pageVariants.name })
        .from(pageVariants)
        .where(
          inArray(
            pageVariants.pageId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(sql`length(${pageVariants.key})`, pageVariants.key)
    : []
  return rows.map(({ publishedKeys, ...page }) => ({
    ...page,
    variants: variants.filter((v) => v.pageId === page.id).map((v) => ({ key: v.key, name: v.name, isPublished: publishedKeys.includes(v.key) })),
  }))
}

export const TRAFFIC_DAYS = 30

/**
 * The page's last 30 days: distinct visitors (from page views) and converted visitors per metric key, the
 * units an experiment counts. Conversions without a visitor id count one each. `days` is how much of the
 * window the page has had traffic, so a page published last week is not averaged over 30 days. `pipeline` is the
 * mean and spread of pipeline per visitor over 90 days (pipeline-history.server.ts), for a pipeline plan; `stages` the
 * stage counts among the page's visitors of 90 days mature at the default 14 days (stage-history.server.ts).
 */
export async function getPageTraffic({ workspaceId, pageId, now = new Date() }: { workspaceId: string; pageId: string; now?: Date }): Promise<PageTraffic> {
  const since = new Date(now.getTime() - TRAFFIC_DAYS * DAY_MS)
  const [views] = await db
    .select({ visitors: sql<number>`count(distinct ${pageViews.visitorId})::int`, firstAt: sql<string | null>`min(${pageViews.viewedAt})` })
    .from(pageViews)
    .where(and(eq(pageViews.workspaceId, workspaceId), eq(pageViews.pageId, pageId), gte(pageViews.viewedAt, since)))
  const recent = and(eq(conversions.workspaceId, workspaceId), eq(conversions.pageId, pageId), gte(conversions.createdAt, since))
  const converted = (where = sql`true`) => sql<number>`(count(distinct ${conversions.visitorId}) filter (where ${where}) + count(*) filter (where ${conversions.visitorId} is null and ${where}))::int`
  const [kinds] = await db
    .select({ any: converted(), soft: converted(sql`${conversions.conversionType} = 'soft'`), hard: converted(sql`${conversions.conversionType} = 'hard'`) })
    .from(conversions)
    .where(recent)
  const [pipeline, stages] = await Promise.all([getPipelineBaseline({ workspaceId, pageId, now }), getStageHistory({ workspaceId, pageId, maturityDays: DEFAULT_MATURITY_DAYS, now })])
  const byForm = await db.select({ formId: conversions.formId, count: converted() }).from(conversions).where(recent).groupBy(conversions.formId)
  const firstAt = views?.firstAt ? new Date(views.firstAt) : now
  return {
    visitors: views?.visitors ?? 0,
    days: Math.min(TRAFFIC_DAYS, Math.max(1, Math.ceil((now.getTime() - firstAt.getTime()) / DAY_MS))),
    converted: { any: kinds?.any ?? 0, soft: kinds?.soft ?? 0, hard: kinds?.hard ?? 0, ...Object.fromEntries(byForm.map((f) => [metricKey({ formId: f.formId }), f.count])) },
    pipeline,
    stages,
  }
}
