// npm run bench: every benchmark case, one after the other (they would disturb each other side by side).
import { spawnSync } from 'node:child_process'

const only = process.argv[2]
const cases = ['statistics', 'pages', 'privacy', 'submissions', 'experiments', 'results', 'kpis', 'login', 'alerts'].filter((name) => !only || name === only)
let failed = false
for (const name of cases) {
  console.log(`\n== ${name} ==`)
  const result = spawnSync('npx', ['tsx', `tests/bench/${name}.bench.ts`], { stdio: 'inherit' })
  failed ||= result.status !== 0
}
process.exit(failed ? 1 : 0)
