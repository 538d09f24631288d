import { sql } from 'drizzle-orm'
import { onChange } from '#app/changes/signal'
import { db, queryRows } from '#app/db.server'
import { readScoreRules, type ScoreRules } from '#app/leads/score'

// What recording a conversion needs to know about its workspace: the score rules (automatic MQL) and whether
// any webhook listens (then the outbox rows go in the same transaction). Read per workspace at most once a
// second per process, like published pages: a webhook or rule saved in another process applies to
// submissions from about a second later. The process that saves them forgets its copy at once (app/changes/).

export type ConversionContext = { scoreRules: ScoreRules; hasWebhooks: boolean }

const REVALIDATE_MS = 1000
const MAX_WORKSPACES = 10_000
type Entry = { context: ConversionContext; checkedAt: number; refreshing?: Promise<ConversionContext> }
const entries = new Map<string, Entry>()

async function load(workspaceId: string): Promise<ConversionContext> {
  const [row] = await queryRows<{ score_rules: unknown; has_webhooks: boolean }>(
    db,
    sql`select (select score_rules from workspaces where id = ${workspaceId}) as score_rules,
      exists (select 1 from webhooks where workspace_id = ${workspaceId} and active) as has_webhooks`,
  )
  return { scoreRules: readScoreRules(row?.score_rules).rules, hasWebhooks: !!row?.has_webhooks }
}

export async function getConversionContext(workspaceId: string): Promise<ConversionContext> {
  const entry = entries.get(workspaceId)
  if (!entry) {
    const context = await load(workspaceId)
    if (entries.size >= MAX_WORKSPACES) entries.delete(entries.keys().next().value!)
    entries.set(workspaceId, { context, checkedAt: Date.now() })
    return context
  }
  if (Date.now() - entry.checkedAt > REVALIDATE_MS && !entry.refreshing) {
    entry.refreshing = load(workspaceId)
      .then((context) => Object.assign(entry, { context, checkedAt: Date.now() }).context)
      .catch((error) => {
        console.error(`[conversions] re-reading workspace ${workspaceId} settings failed; using what we have:`, error)
        return entry.context
      })
      .finally(() => (entry.refreshing = undefined))
  }
  return entry.context
}

// After a webhook or the score rules change in this process: the next submission reads them afresh.
onChange((change) => {
  if (change.kind === 'webhooks' || change.kind === 'score-rules') entries.delete(change.workspaceId)
})
