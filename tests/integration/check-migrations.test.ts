// `npm run lint:migrations` (scripts/check-migrations.ts) must pass on the repository as it is and fail, naming the
// file drizzle-kit would write, when a schema gains a column without a migration.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { checkMigrations } from '../../scripts/check-migrations'

// drizzle-kit loads the schema with the repository's node_modules, so the altered copy lives inside it (.cache is
// ignored by git); its relative imports are made absolute so it still finds db/enums.ts.
mkdirSync('.cache', { recursive: true })
const scratch = mkdtempSync(path.resolve('.cache/check-migrations-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function schemaWith(edit: (source: string) => string) {
  const source = readFileSync('db/schema.ts', 'utf8').replace(/from '(\.\.?\/[^']+)'/g, (_, p: string) => `from '${path.resolve('db', p)}'`)
  const file = path.join(scratch, `schema-${Math.random().toString(36).slice(2)}.ts`)
  writeFileSync(file, edit(source))
  return path.relative(process.cwd(), file)
}

test('the migrations regenerate to nothing from the schema as it is', { timeout: 120_000 }, () => {
  expect(checkMigrations()).toEqual([])
})

test('a column added to the schema without a migration fails the check, naming the file drizzle-kit would write', { timeout: 120_000 }, () => {
  const withColumn = schemaWith((s) => s.replace("  name: text('name').notNull(),\n  scoreRules:", "  name: text('name').notNull(),\n  nickname: text('nickname'),\n  scoreRules:"))
  expect(readFileSync(withColumn, 'utf8')).toContain("nickname: text('nickname')")

  const problems = checkMigrations({ schema: withColumn })

  expect(problems).toHaveLength(1)
  const next = (JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] }).entries.length
  expect(problems[0]).toContain(`would write ${String(next).padStart(4, '0')}_unexpected.sql:`)
  expect(problems[0]).toContain('ALTER TABLE "workspaces" ADD COLUMN "nickname" text;')
})

test('a journal entry older than the one before it fails the check: the migrator would skip it', () => {
  const migrations = path.join(mkdtempSync(path.join(tmpdir(), 'splitform-journal-')), 'migrations')
  try {
    cpSync('db/migrations', migrations, { recursive: true })
    const journalPath = path.join(migrations, 'meta/_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { when: number; tag: string }[] }
    const last = journal.entries.at(-1)!
    last.when = journal.entries.at(-2)!.when - 1
    writeFileSync(journalPath, JSON.stringify(journal))

    expect(checkMigrations({ migrations })).toEqual([expect.stringMatching(new RegExp(`^${last.tag}: its journal "when" .* the migrator would skip it`))])
  } finally {
    rmSync(path.dirname(migrations), { recursive: true, force: true })
  }
})
