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
-- Counts a stored conversion of an experiment's visitor, in the caller's transaction: the conversion statement calls
-- it (app/conversions/record.server.ts), so the count commits with the conversion. PL/pgSQL so that its statements'
-- plans are cached per connection: as CTEs of the conversion statement they were planned again on every submission
-- (about 0.45 ms of PostgreSQL's CPU each, measured). `metrics`: the metrics this conversion counts for, in a fixed
-- order (any, soft|hard, form:<id>), so two conversions of one visitor meet on the first and the second waits there
-- for the first to commit, holding nothing the first needs. Returns how many experiment conversions it added.
CREATE FUNCTION "count_experiment_conversion"(experiment uuid, visitor uuid, variant text, metrics text[], conversion uuid, lead uuid, device text, channel text, converted_at timestamptz)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	counted text[];
	added integer;
	segment record;
BEGIN
	-- A visitor converts at most once per metric: a repeat, or the loser of a race, adds nothing.
	WITH inserted AS (
		INSERT INTO experiment_conversions (experiment_id, visitor_id, metric, variant_key, conversion_id, converted_at)
		SELECT experiment, visitor, m.metric, variant, conversion, converted_at FROM unnest(metrics) WITH ORDINALITY AS m(metric, ord) ORDER BY m.ord
		ON CONFLICT (experiment_id, metric, visitor_id) DO NOTHING
		RETURNING metric
	) SELECT coalesce(array_agg(metric), '{}') INTO counted FROM inserted;
	added := cardinality(counted);
	-- A converting visitor was exposed (the assignment cookie is set only with an exposure), but the page view that
	-- carries the exposure may not be written yet, or ever (it waits in memory up to a second, and kill -9 loses that
	-- second): then the conversion writes it, so the visitor counts among the variant's visitors too (metric '').
	INSERT INTO exposures (experiment_id, visitor_id, variant_key, device, channel, exposed_at)
	VALUES (experiment, visitor, variant, device, channel, converted_at)
	ON CONFLICT (experiment_id, visitor_id) DO NOTHING;
	IF FOUND THEN
		counted := counted || ''::text;
	END IF;
	IF cardinality(counted) = 0 THEN
		RETURN 0;
	END IF;
	-- Queued for experiment_daily in the segment of the visitor's exposure (device and channel of its first view), so
	-- each segment's rate is its own visitors' rate.
	SELECT e.device, e.channel INTO segment FROM exposures e WHERE e.experiment_id = experiment AND e.visitor_id = visitor;
	INSERT INTO experiment_conversion_queue (experiment_id, conversion_id, visitor_id, variant_key, device, channel, converted_at, metrics)
	VALUES (experiment, conversion, visitor, variant, coalesce(segment.device, device), coalesce(segment.channel, channel), converted_at, counted)
	ON CONFLICT (experiment_id, conversion_id) DO UPDATE SET metrics = experiment_conversion_queue.metrics || excluded.metrics;
	-- The visitor's first conversion adds its lead, locked so a stage change in flight lands wholly before this (and
	-- is read here) or after it (and its trigger finds the row added here); with the furthest stage it ever reached.
	IF 'any' = ANY (counted) AND lead IS NOT NULL THEN
		PERFORM 1 FROM leads l WHERE l.id = lead FOR SHARE;
		INSERT INTO experiment_leads (experiment_id, variant_key, lead_id, reached, is_lost, pipeline_value)
		SELECT experiment, variant, l.id,
			greatest(lead_stage_rank(l.stage), coalesce((SELECT max(lead_stage_rank(h.to_stage)) FROM lead_stage_changes h WHERE h.lead_id = l.id), 0)),
			l.stage = 'lost', CASE WHEN l.stage IN ('opportunity', 'customer') THEN coalesce(l.deal_value, 0) ELSE 0 END
		FROM leads l WHERE l.id = lead
		ON CONFLICT DO NOTHING;
	END IF;
	RETURN added;
END
$$;--> statement-breakpoint
-- Rebuilds what the in-memory batches of earlier versions lost: every stored conversion of an experiment's visitor
-- is counted again, oldest first, by the same function (what is already counted stays as it is). Returns the
-- experiment conversions added. Idempotent; run here once, and again by hand (SELECT repair_experiment_conversions())
-- after the last process of an older version has stopped, since those still counted in memory until then.
CREATE FUNCTION "repair_experiment_conversions"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	c record;
	added integer := 0;
BEGIN
	FOR c IN
		SELECT id, experiment_id, visitor_id, variant_key, conversion_type, form_id, lead_id, device, coalesce(touch->>'channel', 'direct') AS channel, created_at
		FROM conversions WHERE experiment_id IS NOT NULL AND visitor_id IS NOT NULL
		ORDER BY created_at, id
	LOOP
		added := added + count_experiment_conversion(c.experiment_id, c.visitor_id, c.variant_key, ARRAY['any', c.conversion_type::text, 'form:' || c.form_id],
			c.id, c.lead_id, c.device, c.channel, c.created_at);
	END LOOP;
	RETURN added;
END
$$;--> statement-breakpoint
SELECT "repair_experiment_conversions"();
