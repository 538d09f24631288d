// `npm test` after the build: vitest and Playwright side by side, each line prefixed with its runner, then how long
// each took. Side by side because vitest mostly waits, on PostgreSQL and on the servers it starts (about a third of
// a core: 140 s of CPU in a 437 s run, PostgreSQL aside), so on a 2-core machine its run fits beside Playwright's
// browsers instead of after them.
// Exits with the first non-zero code, so a failure in either fails the run; each writes its JSON report to
// test-results/ as before (.ci/run sums them).
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

const runners = [
  { name: 'vitest', command: 'node_modules/.bin/vitest', args: ['run'] },
  { name: 'e2e', command: 'node_modules/.bin/playwright', args: ['test'] },
]

const children = []

function run({ name, command, args }) {
  const started = Date.now()
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`))
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000 }))
  })
}

// A signal to this process (Ctrl-C, a CI timeout) ends both runners as Ctrl-C would: on SIGINT they stop their
// servers (Playwright's webServer, vitest's spawned ones); on SIGTERM Playwright left its webServer running.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((child) => child.kill('SIGINT')))
const done = await Promise.all(runners.map(run))
for (const { name, code, seconds } of done) console.log(`${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds.toFixed(0)} s`)
process.exit(done.find((r) => r.code !== 0)?.code ?? 0)
