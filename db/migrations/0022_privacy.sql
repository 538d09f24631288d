ALTER TABLE "exposures" ADD COLUMN "cookieless" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "page_views" ADD COLUMN "consent" text DEFAULT 'cookies' NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "privacy" jsonb DEFAULT '{"mode":"consent","banner":true,"cookieDays":180,"retentionMonths":13}'::jsonb NOT NULL;--> statement-breakpoint
-- Workspaces made before privacy modes existed keep what their pages already did (cookies on the first view):
-- switching them to consent would change the unit of their running experiments mid-test. Their owners choose
-- consent or cookieless in Settings; new workspaces start in consent.
UPDATE "workspaces" SET "privacy" = jsonb_set("privacy", '{mode}', '"cookies"');
