CREATE TYPE "public"."experiment_status" AS ENUM('draft', 'running', 'paused', 'concluded');--> statement-breakpoint
CREATE TABLE "experiment_conversions" (
	"experiment_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"variant_key" text NOT NULL,
	"conversion_id" uuid NOT NULL,
	"converted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "experiment_conversions_experiment_id_metric_visitor_id_pk" PRIMARY KEY("experiment_id","metric","visitor_id")
);
--> statement-breakpoint
CREATE TABLE "experiment_daily" (
	"experiment_id" uuid NOT NULL,
	"day" text NOT NULL,
	"variant_key" text NOT NULL,
	"device" text NOT NULL,
	"channel" text NOT NULL,
	"metric" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "experiment_daily_experiment_id_day_variant_key_device_channel_metric_pk" PRIMARY KEY("experiment_id","day","variant_key","device","channel","metric")
);
--> statement-breakpoint
CREATE TABLE "experiment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"user_id" uuid,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"page_id" uuid NOT NULL,
	"name" text NOT NULL,
	"hypothesis" text DEFAULT '' NOT NULL,
	"status" "experiment_status" DEFAULT 'draft' NOT NULL,
	"seed" bigint NOT NULL,
	"variants" jsonb NOT NULL,
	"control_key" text NOT NULL,
	"coverage" numeric(6, 5) DEFAULT 1 NOT NULL,
	"primary_metric" jsonb NOT NULL,
	"secondary_metrics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confidence" numeric(4, 3) DEFAULT 0.95 NOT NULL,
	"min_runtime_days" integer DEFAULT 7 NOT NULL,
	"planned_visitors_per_variant" integer,
	"auto_ship" boolean DEFAULT false NOT NULL,
	"winner_key" text,
	"started_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exposures" (
	"experiment_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"variant_key" text NOT NULL,
	"device" text NOT NULL,
	"channel" text NOT NULL,
	"exposed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exposures_experiment_id_visitor_id_pk" PRIMARY KEY("experiment_id","visitor_id")
);
--> statement-breakpoint
ALTER TABLE "experiment_events" ADD CONSTRAINT "experiment_events_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_events" ADD CONSTRAINT "experiment_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiment_events_experiment_idx" ON "experiment_events" USING btree ("experiment_id","created_at");--> statement-breakpoint
CREATE INDEX "experiments_workspace_idx" ON "experiments" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "experiments_one_active_per_page" ON "experiments" USING btree ("page_id") WHERE "experiments"."status" in ('running', 'paused');