CREATE TABLE "marketing_spend" (
	"workspace_id" uuid NOT NULL,
	"month" text NOT NULL,
	"channel" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketing_spend_workspace_id_month_channel_pk" PRIMARY KEY("workspace_id","month","channel")
);
--> statement-breakpoint
CREATE TABLE "visitor_sessions" (
	"workspace_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"page_views" integer NOT NULL,
	"entry_page_id" uuid NOT NULL,
	"entry_variant_key" text NOT NULL,
	"device" text NOT NULL,
	"channel" text NOT NULL,
	"converted_at" timestamp with time zone,
	CONSTRAINT "visitor_sessions_workspace_id_visitor_id_started_at_pk" PRIMARY KEY("workspace_id","visitor_id","started_at")
);
--> statement-breakpoint
CREATE TABLE "session_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"entry_page_id" uuid NOT NULL,
	"entry_variant_key" text NOT NULL,
	"device" text NOT NULL,
	"channel" text NOT NULL,
	"sessions" integer NOT NULL,
	"single_page" integer NOT NULL,
	CONSTRAINT "session_daily_workspace_id_day_entry_page_id_entry_variant_key_device_channel_pk" PRIMARY KEY("workspace_id","day","entry_page_id","entry_variant_key","device","channel")
);
--> statement-breakpoint
CREATE TABLE "visitor_days" (
	"workspace_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"page_id" uuid NOT NULL,
	"variant_key" text NOT NULL,
	"day" date NOT NULL,
	"device" text NOT NULL,
	"channel" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visitor_days_workspace_id_visitor_id_kind_page_id_variant_key_day_pk" PRIMARY KEY("workspace_id","visitor_id","kind","page_id","variant_key","day")
);
--> statement-breakpoint
CREATE TABLE "visitor_daily" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"page_id" uuid NOT NULL,
	"variant_key" text NOT NULL,
	"day" date NOT NULL,
	"gap" smallint NOT NULL,
	"device" text NOT NULL,
	"channel" text NOT NULL,
	"visitors" integer NOT NULL,
	CONSTRAINT "visitor_daily_workspace_id_day_kind_page_id_variant_key_gap_device_channel_pk" PRIMARY KEY("workspace_id","day","kind","page_id","variant_key","gap","device","channel")
);
--> statement-breakpoint
CREATE TABLE "page_view_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"page_id" uuid NOT NULL,
	"variant_key" text NOT NULL,
	"views" integer NOT NULL,
	CONSTRAINT "page_view_daily_workspace_id_day_page_id_variant_key_pk" PRIMARY KEY("workspace_id","day","page_id","variant_key")
);
--> statement-breakpoint
CREATE TABLE "lead_funnel" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"conversion_channel" text,
	"device" text,
	"heard_about" text,
	"hot_at" timestamp with time zone,
	"stage" "lead_stage" NOT NULL,
	"mql_at" timestamp with time zone,
	"sql_at" timestamp with time zone,
	"opportunity_at" timestamp with time zone,
	"customer_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "lead_funnel" ADD CONSTRAINT "lead_funnel_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_funnel_workspace_created_idx" ON "lead_funnel" USING btree ("workspace_id","created_at");--> statement-breakpoint
ALTER TABLE "marketing_spend" ADD CONSTRAINT "marketing_spend_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visitor_sessions_converted_idx" ON "visitor_sessions" USING btree ("workspace_id","started_at") INCLUDE ("entry_page_id","entry_variant_key","device","channel","page_views","visitor_id") WHERE "visitor_sessions"."converted_at" is not null;--> statement-breakpoint
CREATE INDEX "conversions_kpi_idx" ON "conversions" USING btree ("workspace_id","created_at") INCLUDE ("page_id","variant_key","conversion_type","device");--> statement-breakpoint
CREATE INDEX "conversions_visitor_idx" ON "conversions" USING btree ("workspace_id","visitor_id","created_at") WHERE "conversions"."visitor_id" is not null;--> statement-breakpoint
CREATE INDEX "lead_stage_changes_to_stage_idx" ON "lead_stage_changes" USING btree ("workspace_id","to_stage","created_at");--> statement-breakpoint
-- A conversion marks the session it happened in (app/kpis/rollups.server.ts keeps sessions; a conversion that lands
-- before its session's page views are written is found again when they are). The advisory lock is the one the
-- page-view batch takes per workspace and visitor, so the two never miss each other.
CREATE FUNCTION "kpi_conversion_marks_session"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.visitor_id IS NULL THEN
		RETURN NULL;
	END IF;
	PERFORM pg_advisory_xact_lock(7331002, hashtext(NEW.workspace_id::text || NEW.visitor_id::text));
	UPDATE visitor_sessions SET converted_at = NEW.created_at
	WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id
		AND started_at <= NEW.created_at AND last_seen_at > NEW.created_at - interval '30 minutes'
		AND (converted_at IS NULL OR converted_at > NEW.created_at);
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "conversions_mark_session" AFTER INSERT ON "conversions" FOR EACH ROW EXECUTE FUNCTION "kpi_conversion_marks_session"();--> statement-breakpoint
-- lead_funnel: one narrow row per lead with what the KPI report reads (app/kpis/leads.server.ts), kept by
-- triggers: a new lead adds its row (its last touch is then its first conversion's), a change of stage, hot or
-- answer updates it, a stage move records the first time the lead reached each funnel stage or a later one.
CREATE FUNCTION "kpi_lead_funnel_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO lead_funnel (lead_id, workspace_id, created_at, first_seen_at, channel, conversion_channel, device, heard_about, hot_at, stage)
	VALUES (NEW.id, NEW.workspace_id, NEW.created_at, NEW.first_seen_at, NEW.channel, NEW.last_touch->>'channel', NEW.device, NEW.heard_about, NEW.hot_at, NEW.stage);
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "leads_add_funnel" AFTER INSERT ON "leads" FOR EACH ROW EXECUTE FUNCTION "kpi_lead_funnel_insert"();--> statement-breakpoint
CREATE FUNCTION "kpi_lead_funnel_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE lead_funnel SET stage = NEW.stage, hot_at = NEW.hot_at, heard_about = NEW.heard_about WHERE lead_id = NEW.id;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "leads_update_funnel" AFTER UPDATE OF "stage", "hot_at", "heard_about" ON "leads" FOR EACH ROW
	WHEN (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.hot_at IS DISTINCT FROM NEW.hot_at OR OLD.heard_about IS DISTINCT FROM NEW.heard_about)
	EXECUTE FUNCTION "kpi_lead_funnel_update"();--> statement-breakpoint
CREATE FUNCTION "kpi_lead_funnel_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE lead_funnel SET
		mql_at = CASE WHEN NEW.to_stage IN ('mql', 'sql', 'opportunity', 'customer') THEN least(mql_at, NEW.created_at) ELSE mql_at END,
		sql_at = CASE WHEN NEW.to_stage IN ('sql', 'opportunity', 'customer') THEN least(sql_at, NEW.created_at) ELSE sql_at END,
		opportunity_at = CASE WHEN NEW.to_stage IN ('opportunity', 'customer') THEN least(opportunity_at, NEW.created_at) ELSE opportunity_at END,
		customer_at = CASE WHEN NEW.to_stage = 'customer' THEN least(customer_at, NEW.created_at) ELSE customer_at END
	WHERE lead_id = NEW.lead_id;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "lead_stage_changes_move_funnel" AFTER INSERT ON "lead_stage_changes" FOR EACH ROW
	WHEN (NEW.to_stage IN ('mql', 'sql', 'opportunity', 'customer'))
	EXECUTE FUNCTION "kpi_lead_funnel_move"();--> statement-breakpoint
INSERT INTO "lead_funnel" ("lead_id", "workspace_id", "created_at", "first_seen_at", "channel", "conversion_channel", "device", "heard_about", "hot_at", "stage", "mql_at", "sql_at", "opportunity_at", "customer_at")
SELECT l.id, l.workspace_id, l.created_at, l.first_seen_at, l.channel,
	coalesce((SELECT c.touch->>'channel' FROM conversions c WHERE c.lead_id = l.id ORDER BY c.created_at LIMIT 1), l.last_touch->>'channel'),
	l.device, l.heard_about, l.hot_at, l.stage,
	(SELECT min(created_at) FROM lead_stage_changes m WHERE m.lead_id = l.id AND m.to_stage IN ('mql', 'sql', 'opportunity', 'customer')),
	(SELECT min(created_at) FROM lead_stage_changes m WHERE m.lead_id = l.id AND m.to_stage IN ('sql', 'opportunity', 'customer')),
	(SELECT min(created_at) FROM lead_stage_changes m WHERE m.lead_id = l.id AND m.to_stage IN ('opportunity', 'customer')),
	(SELECT min(created_at) FROM lead_stage_changes m WHERE m.lead_id = l.id AND m.to_stage = 'customer')
FROM leads l;--> statement-breakpoint
-- Backfill from the page views recorded so far, with the same rules as app/kpis/rollups.server.ts.
INSERT INTO "visitor_sessions" ("workspace_id", "visitor_id", "started_at", "last_seen_at", "page_views", "entry_page_id", "entry_variant_key", "device", "channel", "converted_at")
SELECT s.workspace_id, s.visitor_id, s.started_at, s.last_seen_at, s.page_views, s.entry_page_id, s.entry_variant_key, s.device, s.channel,
	(SELECT min(c.created_at) FROM conversions c
		WHERE c.workspace_id = s.workspace_id AND c.visitor_id = s.visitor_id AND c.created_at >= s.started_at AND c.created_at < s.last_seen_at + interval '30 minutes')
FROM (
	SELECT workspace_id, visitor_id, min(viewed_at) AS started_at, max(viewed_at) AS last_seen_at, count(*)::int AS page_views,
		(array_agg(page_id ORDER BY viewed_at, id))[1] AS entry_page_id, (array_agg(variant_key ORDER BY viewed_at, id))[1] AS entry_variant_key,
		(array_agg(device ORDER BY viewed_at, id))[1] AS device, (array_agg(channel ORDER BY viewed_at, id))[1] AS channel
	FROM (
		SELECT *, sum(starts) OVER (PARTITION BY workspace_id, visitor_id ORDER BY viewed_at, id) AS n
		FROM (
			SELECT pv.*, CASE WHEN viewed_at - lag(viewed_at) OVER w < interval '30 minutes' THEN 0 ELSE 1 END AS starts
			FROM page_views pv WINDOW w AS (PARTITION BY workspace_id, visitor_id ORDER BY viewed_at, id)
		) marked
	) numbered
	GROUP BY workspace_id, visitor_id, n
) s;--> statement-breakpoint
INSERT INTO "session_daily" ("workspace_id", "day", "entry_page_id", "entry_variant_key", "device", "channel", "sessions", "single_page")
SELECT workspace_id, (started_at AT TIME ZONE 'UTC')::date, entry_page_id, entry_variant_key, device, channel, count(*)::int, count(*) FILTER (WHERE page_views = 1)::int
FROM visitor_sessions GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
INSERT INTO "page_view_daily" ("workspace_id", "day", "page_id", "variant_key", "views")
SELECT workspace_id, (viewed_at AT TIME ZONE 'UTC')::date, page_id, variant_key, count(*)::int FROM page_views GROUP BY 1, 2, 3, 4;--> statement-breakpoint
INSERT INTO "visitor_days" ("workspace_id", "visitor_id", "kind", "page_id", "variant_key", "day", "device", "channel", "first_at")
SELECT DISTINCT ON (workspace_id, visitor_id, (viewed_at AT TIME ZONE 'UTC')::date)
	workspace_id, visitor_id, 'all', '00000000-0000-0000-0000-000000000000'::uuid, '', (viewed_at AT TIME ZONE 'UTC')::date, device, channel, viewed_at
FROM page_views ORDER BY workspace_id, visitor_id, (viewed_at AT TIME ZONE 'UTC')::date, viewed_at, id;--> statement-breakpoint
INSERT INTO "visitor_days" ("workspace_id", "visitor_id", "kind", "page_id", "variant_key", "day", "device", "channel", "first_at")
SELECT workspace_id, visitor_id, 'page', page_id, variant_key, (viewed_at AT TIME ZONE 'UTC')::date, '', '', min(viewed_at) FROM page_views GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
INSERT INTO "visitor_days" ("workspace_id", "visitor_id", "kind", "page_id", "variant_key", "day", "device", "channel", "first_at")
SELECT workspace_id, visitor_id, 'entry', entry_page_id, '', (started_at AT TIME ZONE 'UTC')::date, '', '', min(started_at) FROM visitor_sessions GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
INSERT INTO "visitor_daily" ("workspace_id", "kind", "page_id", "variant_key", "day", "gap", "device", "channel", "visitors")
SELECT workspace_id, kind, page_id, variant_key, day, gap, device, channel, count(*)::int
FROM (
	SELECT *, CASE WHEN day - lag(day) OVER w <= 366 THEN day - lag(day) OVER w ELSE 0 END AS gap
	FROM visitor_days WINDOW w AS (PARTITION BY workspace_id, visitor_id, kind, page_id, variant_key ORDER BY day)
) d
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
