ALTER TABLE "spam_submissions" ADD COLUMN "cookieless" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Held rows from before this column: what PostgreSQL recorded of the post's visitor id says whether it was a view's own,
-- counted cookieless — its exposure in the experiment, else its latest page view's consent ('pending', 'denied' and
-- 'cookieless' are counted per view), else the workspace's mode (only 'cookies' identifies every visitor).
UPDATE "spam_submissions" s SET "cookieless" = coalesce(
  (SELECT e.cookieless FROM exposures e WHERE e.experiment_id = s.experiment_id AND e.visitor_id = s.visitor_id),
  (SELECT p.consent IN ('pending', 'denied', 'cookieless') FROM page_views p
    WHERE p.visitor_id = s.visitor_id AND p.workspace_id = s.workspace_id ORDER BY p.viewed_at DESC LIMIT 1),
  (SELECT w.privacy->>'mode' <> 'cookies' FROM workspaces w WHERE w.id = s.workspace_id),
  false)
WHERE s.restored_at IS NULL AND s.experiment_id IS NOT NULL AND s.visitor_id IS NOT NULL;
