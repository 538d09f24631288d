-- Lead metrics in experiments (decision 060): each experiment_leads row is one converted visitor's lead, so a
-- variant's hot count, stage counts and the sum and sum of squares of its deal values per visitor come from one
-- range of the table; exposure_day lets them count only the visitors exposed by a cutoff day (maturity_days).
ALTER TABLE "experiment_leads" ADD COLUMN "is_hot" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "experiment_leads" ADD COLUMN "visitor_id" uuid;--> statement-breakpoint
-- Added without NOT NULL, backfilled below, then required: the rows already there have no day yet.
ALTER TABLE "experiment_leads" ADD COLUMN "exposure_day" text;--> statement-breakpoint
ALTER TABLE "experiments" ADD COLUMN "maturity_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
UPDATE "experiment_leads" el SET "is_hot" = true FROM "leads" l WHERE l.id = el.lead_id AND l.hot_at IS NOT NULL;--> statement-breakpoint
-- The visitor a row stands for: the variant's first visitor whose first conversion ('any') brought this lead, as
-- count_experiment_conversion added it.
UPDATE "experiment_leads" el SET "visitor_id" = first.visitor_id
FROM (
	SELECT DISTINCT ON (ec.experiment_id, ec.variant_key, c.lead_id) ec.experiment_id, ec.variant_key, c.lead_id, ec.visitor_id
	FROM experiment_conversions ec JOIN conversions c ON c.id = ec.conversion_id
	WHERE ec.metric = 'any' AND c.lead_id IS NOT NULL
	ORDER BY ec.experiment_id, ec.variant_key, c.lead_id, ec.converted_at, ec.visitor_id
) first
WHERE el.experiment_id = first.experiment_id AND el.variant_key = first.variant_key AND el.lead_id = first.lead_id;--> statement-breakpoint
-- Its exposure's UTC day, as the page-view writer puts it in experiment_daily; without one (its visitor not found),
-- the day of the lead's first conversion in the experiment, else of the lead itself.
UPDATE "experiment_leads" el SET "exposure_day" = coalesce(
	(SELECT to_char(e.exposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM exposures e WHERE e.experiment_id = el.experiment_id AND e.visitor_id = el.visitor_id),
	(SELECT to_char(min(c.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM conversions c WHERE c.experiment_id = el.experiment_id AND c.lead_id = el.lead_id),
	(SELECT to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM leads l WHERE l.id = el.lead_id)
);--> statement-breakpoint
ALTER TABLE "experiment_leads" ALTER COLUMN "exposure_day" SET NOT NULL;
