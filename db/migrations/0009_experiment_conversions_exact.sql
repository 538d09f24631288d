-- Experiment conversions are written in the conversion's own statement (app/conversions/record.server.ts), no longer
-- from an in-memory batch that a crash or an outage could lose. experiment_daily follows through this queue: the
-- rollup follower moves its rows there, and the results add the rows still queued (app/experiments/counting.server.ts).
CREATE TABLE "experiment_conversion_queue" (
	"experiment_id" uuid NOT NULL,
	"conversion_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"variant_key" text NOT NULL,
	"device" text NOT NULL,
	"channel" text NOT NULL,
	"converted_at" timestamp with time zone NOT NULL,
	"metrics" text[] NOT NULL,
	CONSTRAINT "experiment_conversion_queue_experiment_id_conversion_id_pk" PRIMARY KEY("experiment_id","conversion_id")
);
--> statement-breakpoint
-- A held submission remembers the experiment its visitor was assigned in, so that restoring it counts there.
ALTER TABLE "spam_submissions" ADD COLUMN "experiment_id" uuid;--> statement-breakpoint
-- Rebuilds what the in-memory batches lost: every conversion of an experiment's visitor that has no
-- experiment_conversions row for a metric it was the visitor's first conversion of (any, soft|hard, form:<id>) gets
-- one, and a converted visitor without an exposure (its page view lost too) gets one, as the live statement does;
-- both queued for experiment_daily, and the lead added to experiment_leads (as migration 0007 backfills them).
-- Returns the experiment conversions added. Idempotent; run here once, and again by hand
-- (SELECT repair_experiment_conversions()) after the last process of an older version has stopped, since those
-- still counted in memory until then.
CREATE FUNCTION "repair_experiment_conversions"() RETURNS integer LANGUAGE sql AS $$
	WITH candidates AS (
		SELECT DISTINCT ON (c.experiment_id, c.visitor_id, m.metric)
			c.experiment_id, c.visitor_id, m.metric, c.variant_key, c.id AS conversion_id, c.created_at
		FROM conversions c
		CROSS JOIN LATERAL (VALUES ('any'), (c.conversion_type::text), ('form:' || c.form_id)) AS m(metric)
		WHERE c.experiment_id IS NOT NULL AND c.visitor_id IS NOT NULL
		ORDER BY c.experiment_id, c.visitor_id, m.metric, c.created_at, c.id
	), inserted AS (
		INSERT INTO experiment_conversions (experiment_id, visitor_id, metric, variant_key, conversion_id, converted_at)
		SELECT experiment_id, visitor_id, metric, variant_key, conversion_id, created_at FROM candidates
		ON CONFLICT (experiment_id, metric, visitor_id) DO NOTHING
		RETURNING experiment_id, visitor_id, metric, conversion_id
	), exposed AS (
		INSERT INTO exposures (experiment_id, visitor_id, variant_key, device, channel, exposed_at)
		SELECT k.experiment_id, k.visitor_id, k.variant_key, c.device, coalesce(c.touch->>'channel', 'direct'), k.created_at
		FROM candidates k JOIN conversions c ON c.id = k.conversion_id
		WHERE k.metric = 'any'
		ON CONFLICT (experiment_id, visitor_id) DO NOTHING
		RETURNING experiment_id, visitor_id
	), counted AS (
		SELECT experiment_id, metric, conversion_id FROM inserted
		UNION ALL
		-- Metric '' is a visitor, as in experiment_daily.
		SELECT k.experiment_id, '', k.conversion_id
		FROM exposed x JOIN candidates k ON k.experiment_id = x.experiment_id AND k.visitor_id = x.visitor_id AND k.metric = 'any'
	), queued AS (
		INSERT INTO experiment_conversion_queue (experiment_id, conversion_id, visitor_id, variant_key, device, channel, converted_at, metrics)
		-- In the segment of the visitor's exposure (the one written above when it had none).
		SELECT n.experiment_id, n.conversion_id, c.visitor_id, c.variant_key,
			coalesce(e.device, c.device), coalesce(e.channel, c.touch->>'channel', 'direct'), c.created_at, array_agg(n.metric)
		FROM counted n JOIN conversions c ON c.id = n.conversion_id
		LEFT JOIN exposures e ON e.experiment_id = n.experiment_id AND e.visitor_id = c.visitor_id
		GROUP BY n.experiment_id, n.conversion_id, c.visitor_id, c.variant_key, e.device, c.device, e.channel, c.touch->>'channel', c.created_at
		ON CONFLICT (experiment_id, conversion_id) DO UPDATE SET metrics = experiment_conversion_queue.metrics || excluded.metrics
	), leads_added AS (
		INSERT INTO experiment_leads (experiment_id, variant_key, lead_id, reached, is_lost, pipeline_value)
		SELECT DISTINCT ON (c.experiment_id, c.variant_key, l.id) c.experiment_id, c.variant_key, l.id,
			greatest(lead_stage_rank(l.stage), coalesce((SELECT max(lead_stage_rank(h.to_stage)) FROM lead_stage_changes h WHERE h.lead_id = l.id), 0)),
			l.stage = 'lost',
			CASE WHEN l.stage IN ('opportunity', 'customer') THEN coalesce(l.deal_value, 0) ELSE 0 END
		FROM inserted i JOIN conversions c ON c.id = i.conversion_id JOIN leads l ON l.id = c.lead_id
		WHERE i.metric = 'any'
		ON CONFLICT DO NOTHING
	)
	SELECT count(*)::int FROM inserted
$$;--> statement-breakpoint
SELECT "repair_experiment_conversions"();
