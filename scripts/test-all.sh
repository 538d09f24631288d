#!/bin/sh
# `npm test`: build once, then vitest and Playwright side by side. Neither keeps both cores busy on its own (vitest
# waits on PostgreSQL and the servers it starts; the e2e stories wait on the browser and the server), and they
# share nothing: vitest makes one database per worker, the e2e server its own `<db>_e2e` on E2E_PORT
# (docs/testing.md, "How long it takes"). Exits non-zero when either runner fails.
set -u
npm run build || exit 1
npx vitest run &
unit_pid=$!
npx playwright test
e2e=$?
wait "$unit_pid"
unit=$?
[ "$unit" -eq 0 ] && [ "$e2e" -eq 0 ]
