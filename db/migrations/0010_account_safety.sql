-- Account safety (issue 14): members see their sessions and end them, and a member's API keys end with their
-- membership (docs/decisions/003-api-keys-when-a-member-leaves.md). Existing sessions have neither column
-- until they are next used; existing keys keep working.
ALTER TABLE "sessions" ADD COLUMN "user_agent" text;
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "revoked_reason" text;
--> statement-breakpoint
CREATE INDEX "api_keys_created_by_idx" ON "api_keys" USING btree ("workspace_id","created_by");
