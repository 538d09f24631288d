CREATE TABLE "experiment_leads" (
	"experiment_id" uuid NOT NULL,
	"variant_key" text NOT NULL,
	"lead_id" uuid NOT NULL,
	"reached" smallint NOT NULL,
	"is_lost" boolean NOT NULL,
	"pipeline_value" numeric(14, 2) NOT NULL,
	CONSTRAINT "experiment_leads_experiment_id_variant_key_lead_id_pk" PRIMARY KEY("experiment_id","variant_key","lead_id")
);
--> statement-breakpoint
ALTER TABLE "experiment_leads" ADD CONSTRAINT "experiment_leads_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiment_leads_lead_idx" ON "experiment_leads" USING btree ("lead_id");--> statement-breakpoint
-- The funnel order as a number: lead 0, MQL 1, SQL 2, opportunity 3, customer 4; lost is off the funnel (0).
CREATE FUNCTION "lead_stage_rank"(stage lead_stage) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE stage WHEN 'mql' THEN 1 WHEN 'sql' THEN 2 WHEN 'opportunity' THEN 3 WHEN 'customer' THEN 4 ELSE 0 END::smallint
$$;--> statement-breakpoint
-- A lead's stage or deal value changed (by a member, the API or the score rules): its rows in experiment_leads follow.
-- `reached` only rises, so a lead lost after SQL still counts as having reached SQL.
CREATE FUNCTION "experiment_leads_follow_lead"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE experiment_leads SET
		reached = greatest(reached, lead_stage_rank(NEW.stage)),
		is_lost = NEW.stage = 'lost',
		pipeline_value = CASE WHEN NEW.stage IN ('opportunity', 'customer') THEN coalesce(NEW.deal_value, 0) ELSE 0 END
	WHERE lead_id = NEW.id;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "experiment_leads_follow" AFTER UPDATE OF "stage", "deal_value" ON "leads" FOR EACH ROW
	WHEN (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.deal_value IS DISTINCT FROM NEW.deal_value)
	EXECUTE FUNCTION "experiment_leads_follow_lead"();--> statement-breakpoint
-- Backfill from the experiment conversions recorded so far, with the same rules as the writer.
INSERT INTO "experiment_leads" ("experiment_id", "variant_key", "lead_id", "reached", "is_lost", "pipeline_value")
SELECT DISTINCT ON (ec.experiment_id, ec.variant_key, l.id) ec.experiment_id, ec.variant_key, l.id,
	greatest(lead_stage_rank(l.stage), coalesce((SELECT max(lead_stage_rank(h.to_stage)) FROM lead_stage_changes h WHERE h.lead_id = l.id), 0)),
	l.stage = 'lost',
	CASE WHEN l.stage IN ('opportunity', 'customer') THEN coalesce(l.deal_value, 0) ELSE 0 END
FROM experiment_conversions ec
JOIN conversions c ON c.id = ec.conversion_id
JOIN leads l ON l.id = c.lead_id
WHERE ec.metric = 'any';
