ALTER TABLE "page_view_daily" ADD COLUMN "asked_views" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "page_view_daily" ADD COLUMN "consented_views" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "page_view_daily" ADD COLUMN "cookieless_views" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill from the views already counted in page_view_daily (the queued ones are counted by the rollup follower,
-- with the new columns, once they are caught up). Days as the rollups count them: in the workspace's time zone.
-- Only views with a consent other than 'cookies' add anything; every view before migration 0022 has 'cookies'.
UPDATE "page_view_daily" AS d SET
  "asked_views" = c.asked, "consented_views" = c.consented, "cookieless_views" = c.cookieless
FROM (
  SELECT pv.workspace_id, (pv.viewed_at AT TIME ZONE w.timezone)::date AS day, pv.page_id, pv.variant_key,
    count(*) FILTER (WHERE pv.consent IN ('granted', 'pending', 'denied'))::int AS asked,
    count(*) FILTER (WHERE pv.consent = 'granted')::int AS consented,
    count(*) FILTER (WHERE pv.consent IN ('pending', 'denied', 'cookieless'))::int AS cookieless
  FROM "page_views" pv JOIN "workspaces" w ON w.id = pv.workspace_id
  WHERE pv.consent <> 'cookies' AND NOT EXISTS (SELECT 1 FROM "page_view_rollup_queue" q WHERE q.page_view_id = pv.id)
  GROUP BY 1, 2, 3, 4
) AS c
WHERE d.workspace_id = c.workspace_id AND d.day = c.day AND d.page_id = c.page_id AND d.variant_key = c.variant_key;
