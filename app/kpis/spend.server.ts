import { and, desc, eq, sql } from 'drizzle-orm'
import { CHANNELS, type Channel } from '#app/attribution/channel'
import { db } from '#app/db.server'
import { marketingSpend } from '#db/schema'

/** The workspace's monthly spend, newest month first: one row per month with an amount per channel (null: none entered). */
export async function listSpendMonths({ workspaceId }: { workspaceId: string }) {
  const rows = await db
    .select({ month: marketingSpend.month, channel: marketingSpend.channel, amount: marketingSpend.amount })
    .from(marketingSpend)
    .where(eq(marketingSpend.workspaceId, workspaceId))
    .orderBy(desc(marketingSpend.month))
  const months = new Map<string, Record<Channel, number | null>>()
  for (const r of rows) {
    const month = months.get(r.month) ?? (Object.fromEntries(CHANNELS.map((c) => [c, null])) as Record<Channel, number | null>)
    if ((CHANNELS as readonly string[]).includes(r.channel)) month[r.channel as Channel] = r.amount
    months.set(r.month, month)
  }
  return [...months].map(([month, amounts]) => ({ month, amounts, total: Object.values(amounts).reduce<number>((n, v) => n + (v ?? 0), 0) }))
}

/** Replaces one month's spend: channels given an amount are stored, the others cleared. */
export async function saveSpendMonth({ workspaceId, month, amounts }: { workspaceId: string; month: string; amounts: Partial<Record<Channel, number>> }) {
  await db.transaction(async (tx) => {
    await tx.delete(marketingSpend).where(and(eq(marketingSpend.workspaceId, workspaceId), eq(marketingSpend.month, month)))
    const values = CHANNELS.filter((c) => amounts[c] !== undefined).map((channel) => ({ workspaceId, month, channel, amount: amounts[channel]!, updatedAt: sql`now()` }))
    if (values.length) await tx.insert(marketingSpend).values(values)
  })
}
