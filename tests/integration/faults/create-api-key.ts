// Run as a child process with DATABASE_URL set (the fault suite's own cluster): creates an owner, their workspace,
// an API key and, with WEBHOOK_URL, a webhook for every event, through the app's own code, and prints the key. The
// webhook makes each submission a transaction (conversion and outbox rows), as in a workspace that uses them. The
// rest of the fixture goes through the API.
import { randomUUID } from 'node:crypto'
import { createApiKey } from '#app/api-keys/api-key.server'
import { createAccount } from '#app/auth/user.server'
import { closeDatabase, migrateDatabase } from '#app/db.server'
import { createWebhook } from '#app/webhooks/webhook.server'
import { WEBHOOK_EVENTS } from '#app/webhooks/schema'

// The server starting beside this migrates too; an advisory lock takes them in turn.
await migrateDatabase()
const account = await createAccount({ name: 'Fault Owner', email: `faults-${randomUUID()}@example.com`, password: 'a-long-password', workspaceName: 'Faults' })
if ('error' in account) throw new Error(account.error)
const { key } = await createApiKey({ workspaceId: account.workspaceId!, name: 'faults', createdBy: account.userId })
if (process.env.WEBHOOK_URL) await createWebhook({ workspaceId: account.workspaceId!, url: process.env.WEBHOOK_URL, events: WEBHOOK_EVENTS, createdBy: account.userId })
await closeDatabase()
console.log(JSON.stringify({ apiKey: key }))
