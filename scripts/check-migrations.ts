// `npm run lint:migrations`: fails when db/schema.ts has changed without a migration, or when the migrations folder
// is inconsistent in a way the migrator would not notice. See docs/migrations.md.
//
// drizzle-kit generate runs against a temporary copy of the migrations folder, so the real one is never written:
// if it would write a file there, the schema and the last snapshot disagree and the file it would write is named.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import config from '../drizzle.config'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const drizzleKit = path.join(root, 'node_modules/drizzle-kit/bin.cjs')
type Journal = { entries: { idx: number; when: number; tag: string }[] }

/** The problems found, one sentence each; empty when the migrations are in order. */
export function checkMigrations({ schema = config.schema as string, migrations = config.out as string } = {}): string[] {
  const folder = path.resolve(root, migrations)
  const problems = checkJournal(folder)
  if (problems.length > 0) return problems
  const ungenerated = findUngeneratedMigration({ schema, folder })
  return ungenerated ? [ungenerated] : []
}

/**
 * Every journal entry has its SQL and snapshot, and every SQL file is in the journal. The journal's `when` must rise:
 * the migrator applies only the entries newer than the last one a database ran, so one merged with an older `when`
 * (a branch that generated its migration before main's last one) would be skipped on every existing database.
 */
function checkJournal(folder: string): string[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as Journal
  const problems: string[] = []
  const tags = new Set(journal.entries.map((e) => e.tag))
  journal.entries.forEach((entry, i) => {
    const prefix = entry.tag.slice(0, 4)
    if (!existsSync(path.join(folder, `${entry.tag}.sql`))) problems.push(`${entry.tag}.sql is in the journal but missing`)
    if (!existsSync(path.join(folder, `meta/${prefix}_snapshot.json`))) problems.push(`meta/${prefix}_snapshot.json is missing for ${entry.tag}`)
    const previous = journal.entries[i - 1]
    if (previous && entry.when <= previous.when) {
      problems.push(`${entry.tag}: its journal "when" (${entry.when}) is not after ${previous.tag}'s (${previous.when}); the migrator would skip it on databases that ran ${previous.tag}`)
    }
  })
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.sql'))) {
    if (!tags.has(file.slice(0, -'.sql'.length))) problems.push(`${file} is not in meta/_journal.json: the migrator never runs it`)
  }
  return problems
}

function findUngeneratedMigration({ schema, folder }: { schema: string; folder: string }): string | null {
  const scratch = mkdtempSync(path.join(tmpdir(), 'splitform-migrations-'))
  try {
    const copy = path.join(scratch, 'migrations')
    cpSync(folder, copy, { recursive: true })
    // drizzle-kit reads snapshots at `./${path}`, so an absolute --out does not work: relative to the working folder.
    const result = spawnSync(process.execPath, [drizzleKit, 'generate', `--dialect=${config.dialect}`, `--schema=${schema}`, `--out=${path.relative(root, copy)}`, '--name=unexpected'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    })
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()
    const added = readdirSync(copy).filter((f) => f.endsWith('.sql') && !existsSync(path.join(folder, f)))
    if (added.length > 0) {
      const statements = added.map((f) => readFileSync(path.join(copy, f), 'utf8')).join('\n')
      return `${schema} differs from the last migration's snapshot: drizzle-kit generate would write ${added.join(', ')}:\n${statements}\nRun \`npm run db:generate -- --name <what changed>\` and commit the migration with the schema.`
    }
    // Only this sentence means "nothing to do": drizzle-kit exits 0 even when it fails (for instance when it needs
    // to ask whether a dropped and an added column are a rename, which it cannot do without a terminal).
    if (result.status === 0 && output.includes('No schema changes, nothing to migrate')) return null
    return `drizzle-kit generate did not finish cleanly (run \`npm run db:generate\` to answer it):\n${output || result.error?.message}`
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const problems = checkMigrations()
  for (const problem of problems) console.error(`✗ ${problem}`)
  if (problems.length > 0) process.exit(1)
  console.log('Migrations are in order: drizzle-kit generate has nothing to write.')
}
