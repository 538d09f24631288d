CREATE INDEX "exposures_cookieless_idx" ON "exposures" USING btree ("experiment_id","variant_key") WHERE cookieless;--> statement-breakpoint
-- A conversion counted for a page view that was counted cookieless (issue 19, decision 083: the visitor id is that
-- view's own, from the signed exposure its form carried) writes the view's exposure, when the page view carrying it
-- is not written yet, as a cookieless one. One function with a new last parameter, false by default: the old
-- signature (0024's, which reads the workspace's zone) is dropped in the same transaction, so a process of the
-- previous version, calling with nine arguments, reaches this one as soon as it commits, and there is one body to keep.
DROP FUNCTION "count_experiment_conversion"(uuid, uuid, text, text[], uuid, uuid, text, text, timestamptz);--> statement-breakpoint
CREATE FUNCTION "count_experiment_conversion"(experiment uuid, visitor uuid, variant text, metrics text[], conversion uuid, lead uuid, device text, channel text, converted_at timestamptz, cookieless boolean DEFAULT false)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	counted text[];
	added integer;
	segment record;
	zone text;
	workspace uuid;
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
	INSERT INTO exposures (experiment_id, visitor_id, variant_key, device, channel, exposed_at, cookieless)
	VALUES (experiment, visitor, variant, device, channel, converted_at, count_experiment_conversion.cookieless)
	ON CONFLICT (experiment_id, visitor_id) DO NOTHING;
	IF FOUND THEN
		counted := counted || ''::text;
	END IF;
	IF cardinality(counted) = 0 THEN
		RETURN 0;
	END IF;
	-- Queued for experiment_daily in the segment of the visitor's exposure (device and channel of its first view), so
	-- each segment's rate is its own visitors' rate.
	SELECT e.device, e.channel, e.exposed_at INTO segment FROM exposures e WHERE e.experiment_id = experiment AND e.visitor_id = visitor;
	INSERT INTO experiment_conversion_queue (experiment_id, conversion_id, visitor_id, variant_key, device, channel, converted_at, metrics)
	VALUES (experiment, conversion, visitor, variant, coalesce(segment.device, device), coalesce(segment.channel, channel), converted_at, counted)
	ON CONFLICT (experiment_id, conversion_id) DO UPDATE SET metrics = experiment_conversion_queue.metrics || excluded.metrics;
	-- The visitor's first conversion adds its lead, locked so a stage change in flight lands wholly before this (and
	-- is read here) or after it (and its trigger finds the row added here); with the furthest stage it ever reached.
	IF 'any' = ANY (counted) AND lead IS NOT NULL THEN
		-- The exposure's day in the workspace's zone (decision 087) is the day experiment_daily counts the visitor on,
		-- so the lead carries it for the lead metrics' cohort. A zone change holds this workspace's lock (exclusive)
		-- while it recounts the leads' days: taken shared here, before the zone is read (by its own query, so with a
		-- fresh snapshot), this lead is either recounted by the change or written after it with the new zone.
		SELECT x.workspace_id INTO workspace FROM experiments x WHERE x.id = experiment;
		IF workspace IS NOT NULL THEN
			PERFORM pg_advisory_xact_lock_shared(87, hashtext(workspace::text));
		END IF;
		zone := coalesce((SELECT w.timezone FROM workspaces w WHERE w.id = workspace), 'UTC');
		PERFORM 1 FROM leads l WHERE l.id = lead FOR SHARE;
		INSERT INTO experiment_leads (experiment_id, variant_key, lead_id, reached, is_lost, pipeline_value, is_hot, visitor_id, exposure_day)
		SELECT experiment, variant, l.id,
			greatest(lead_stage_rank(l.stage), coalesce((SELECT max(lead_stage_rank(h.to_stage)) FROM lead_stage_changes h WHERE h.lead_id = l.id), 0)),
			l.stage = 'lost', CASE WHEN l.stage IN ('opportunity', 'customer') THEN coalesce(l.deal_value, 0) ELSE 0 END,
			l.hot_at IS NOT NULL, visitor, to_char(coalesce(segment.exposed_at, converted_at) AT TIME ZONE zone, 'YYYY-MM-DD')
		FROM leads l WHERE l.id = lead
		ON CONFLICT DO NOTHING;
	END IF;
	RETURN added;
END
$$;
