-- Page views written but not yet counted in the KPI sessions and rollups: the live path inserts the views and
-- their ids here in one statement, and the rollup follower (app/kpis/rollup-queue.server.ts) takes them in id
-- order, updates the rollups and deletes them, in one transaction. Views recorded before this migration were
-- counted when they were written, so the queue starts empty.
CREATE TABLE "page_view_rollup_queue" (
	"page_view_id" bigint PRIMARY KEY NOT NULL
);
