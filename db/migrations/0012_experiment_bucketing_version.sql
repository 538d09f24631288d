-- The bucketing version each experiment's visitors are hashed with (docs/decisions/051-bucketing-version.md). Every
-- experiment created before it was bucketed with version 1, which the default gives them.
ALTER TABLE "experiments" ADD COLUMN "bucketing_version" integer DEFAULT 1 NOT NULL;