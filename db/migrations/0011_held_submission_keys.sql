-- Held (spam) submissions are deduplicated by their idempotency key, as conversions are: a retry of a held
-- submission must not hold a second copy (app/conversions/submit.server.ts answers the retry as held). Copies
-- held before this migration are removed first, keeping per key the one a member restored, else the first held.
DELETE FROM "spam_submissions" WHERE "id" IN (
	SELECT "id" FROM (
		SELECT "id", row_number() OVER (
			PARTITION BY "workspace_id", "idempotency_key"
			ORDER BY "restored_at" IS NULL, "created_at", "id"
		) AS "copy"
		FROM "spam_submissions"
	) AS "ranked"
	WHERE "copy" > 1
);--> statement-breakpoint
CREATE UNIQUE INDEX "spam_submissions_idempotency_key" ON "spam_submissions" USING btree ("workspace_id","idempotency_key");
