import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test, vi } from 'vitest'
import { db } from '#app/db.server'
import { addLeadNote, getLead, markLeadOpened } from '#app/leads/detail.server'
import { eraseLead } from '#app/leads/erase.server'
import { exportLeadsCsv } from '#app/leads/export.server'
import { decodeLeadCursor } from '#app/leads/cursor'
import { listLeads, parseLeadQuery, type LeadListQuery } from '#app/leads/list.server'
import type { LeadSort } from '#app/leads/schema'
import { changeLeadStage } from '#app/leads/stage.server'
import { DAY_MS as DAY } from '#app/time/days'
import { conversions, leadNotes, leads, leadStageChanges } from '#db/schema'
import { createOwner } from '#tests/factories/accounts'
import { insertConversion, insertForm, insertLead, insertPage, insertPageView, insertWorkspace } from '#tests/factories/lead-rows'

const ids = (page: { leads: { id: string }[] }) => page.leads.map((l) => l.id).sort()

/** Every page of a listing, following `next` like a client would. */
async function readAllPages(workspaceId: string, sort: LeadSort, limit: number, between?: (pageNumber: number) => Promise<void>) {
  const seen: string[] = []
  let cursor: LeadListQuery['cursor'] = null
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await listLeads({ workspaceId, sort, cursor, limit })
    expect(page.leads.length).toBeLessThanOrEqual(limit)
    seen.push(...page.leads.map((l) => l.id))
    if (!page.next) return { seen, pages: pageNumber }
    await between?.(pageNumber)
    cursor = decodeLeadCursor(page.next, sort)
    expect(cursor).not.toBeNull()
  }
}

describe('listLeads filters', () => {
  test('temperature, stage, source, form, page and created dates', async () => {
    const workspaceId = await insertWorkspace()
    const [demo, newsletter] = [await insertForm({ workspaceId, name: 'Demo' }), await insertForm({ workspaceId, name: 'Newsletter', conversionType: 'soft' })]
    const [pricing, blog] = [await insertPage({ workspaceId, name: 'Pricing' }), await insertPage({ workspaceId, name: 'Blog' })]
    const hot = await insertLead({ workspaceId, hotAt: new Date(), stage: 'sql', channel: 'paid_search', createdAt: new Date('2026-03-10T23:59:59Z') })
    const cold = await insertLead({ workspaceId, channel: 'organic_search', createdAt: new Date('2026-03-11T00:00:00Z') })
    const older = await insertLead({ workspaceId, channel: 'organic_search', stage: 'lost', createdAt: new Date('2026-02-01T12:00:00Z') })
    await insertConversion({ workspaceId, leadId: hot.id, formId: demo.id, pageId: pricing.id, conversionType: 'hard' })
    await insertConversion({ workspaceId, leadId: cold.id, formId: newsletter.id, pageId: blog.id })
    await insertConversion({ workspaceId, leadId: older.id, formId: newsletter.id, pageId: pricing.id })

    const list = (filters: LeadListQuery['filters']) => listLeads({ workspaceId, filters }).then(ids)
    expect(await list({})).toEqual([hot.id, cold.id, older.id].sort())
    expect(await list({ temperature: 'hot' })).toEqual([hot.id])
    expect(await list({ temperature: 'cold' })).toEqual([cold.id, older.id].sort())
    expect(await list({ stage: 'lost' })).toEqual([older.id])
    expect(await list({ source: 'organic_search' })).toEqual([cold.id, older.id].sort())
    expect(await list({ formId: newsletter.id })).toEqual([cold.id, older.id].sort())
    expect(await list({ pageId: pricing.id })).toEqual([hot.id, older.id].sort())
    expect(await list({ formId: newsletter.id, pageId: pricing.id })).toEqual([older.id])
    // Whole UTC days, both ends included.
    expect(await list({ from: '2026-03-10', to: '2026-03-10' })).toEqual([hot.id])
    expect(await list({ from: '2026-03-11' })).toEqual([cold.id])
    expect(await list({ to: '2026-03-10' })).toEqual([hot.id, older.id].sort())
    expect(await list({ formId: randomUUID() })).toEqual([])
  })

  test("erased leads and other workspaces' leads are never listed", async () => {
    const workspaceId = await insertWorkspace()
    const other = await insertWorkspace()
    const kept = await insertLead({ workspaceId, name: 'Kept' })
    const erased = await insertLead({ workspaceId, name: 'Erased' })
    await insertLead({ workspaceId: other, name: 'Kept' })
    await eraseLead({ workspaceId, id: erased.id })
    expect(ids(await listLeads({ workspaceId }))).toEqual([kept.id])
    expect(ids(await listLeads({ workspaceId, filters: { q: 'Kept' } }))).toEqual([kept.id])
  })

  test('search matches email, name and company, case-insensitive, with LIKE wildcards taken literally', async () => {
    const workspaceId = await insertWorkspace()
    // Fixed emails: the factory's random ones could contain "100" or "ada" (hex) and match by chance.
    const percent = await insertLead({ workspaceId, email: 'percent@example.com', company: '100% Organic Ltd' })
    const plain = await insertLead({ workspaceId, email: 'plain@example.com', company: '1000 Organic Ltd' })
    const underscore = await insertLead({ workspaceId, email: 'ada_lovelace@example.com' })
    const noUnderscore = await insertLead({ workspaceId, email: 'adaxlovelace@example.com' })
    const backslash = await insertLead({ workspaceId, email: 'bob@example.com', name: 'Back\\slash Bob' })
    const named = await insertLead({ workspaceId, email: 'grace@example.com', name: 'Grace Hopper' })
    const search = (q: string) => listLeads({ workspaceId, filters: { q } }).then(ids)
    expect(await search('100%')).toEqual([percent.id])
    expect(await search('100')).toEqual([percent.id, plain.id].sort())
    expect(await search('ada_love')).toEqual([underscore.id])
    expect(await search('ada')).toEqual([underscore.id, noUnderscore.id].sort())
    expect(await search('k\\s')).toEqual([backslash.id])
    expect(await search('%')).toEqual([percent.id])
    expect(await search('_')).toEqual([underscore.id])
    expect(await search('gRACE hop')).toEqual([named.id])
  })
})

describe('listLeads pagination', () => {
  test('walks every lead exactly once, ties and microseconds included, whatever the sort', async () => {
    const workspaceId = await insertWorkspace()
    const created: string[] = []
    const base = Date.UTC(2026, 0, 5)
    for (let i = 0; i < 23; i++) {
      // Groups of leads created in the same instant and in the same millisecond, a microsecond apart.
      const lead = await insertLead({ workspaceId, softConversions: i % 4, createdAt: new Date(base + Math.floor(i / 3) * 1000), lastConversionAt: new Date(base - i * DAY) })
      created.push(lead.id)
      if (i % 5 === 0) await db.execute(sql`update leads set created_at = created_at + ${`${i} microseconds`}::interval where id = ${lead.id}`)
    }
    for (const sort of ['newest', 'last_conversion', 'score'] as const) {
      for (const limit of [1, 4, 7]) {
        const { seen, pages } = await readAllPages(workspaceId, sort, limit)
        expect(seen.slice().sort(), `${sort} by ${limit}`).toEqual(created.slice().sort())
        expect(new Set(seen).size).toBe(seen.length)
        expect(pages).toBe(Math.ceil(23 / limit))
      }
    }
  })

  test('leads arriving while someone pages do not shift later pages', async () => {
    const workspaceId = await insertWorkspace()
    const before: string[] = []
    for (let i = 0; i < 12; i++) before.push((await insertLead({ workspaceId, createdAt: new Date(Date.now() - (i + 1) * 60_000) })).id)
    const { seen } = await readAllPages(workspaceId, 'newest', 5, async () => {
      await insertLead({ workspaceId, createdAt: new Date() })
    })
    expect(seen).toEqual(before) // newest first; the newcomers belong on page one, which was already read
  })

  test('newest first, then by last conversion, then by score', async () => {
    const workspaceId = await insertWorkspace()
    const a = await insertLead({ workspaceId, createdAt: new Date(Date.now() - 3 * DAY), lastConversionAt: new Date(), softConversions: 1 })
    const b = await insertLead({ workspaceId, createdAt: new Date(Date.now() - 2 * DAY), lastConversionAt: new Date(Date.now() - DAY), hardConversions: 2 })
    const c = await insertLead({ workspaceId, createdAt: new Date(Date.now() - 1 * DAY), lastConversionAt: new Date(Date.now() - 2 * DAY) })
    const order = async (sort: LeadSort) => (await listLeads({ workspaceId, sort })).leads.map((l) => l.id)
    expect(await order('newest')).toEqual([c.id, b.id, a.id])
    expect(await order('last_conversion')).toEqual([a.id, b.id, c.id])
    expect(await order('score')).toEqual([b.id, a.id, c.id])
  })
})

describe('parseLeadQuery', () => {
  test('reads every parameter, and names each bad one', () => {
    const formId = randomUUID()
    const parsed = parseLeadQuery(
      new URLSearchParams({ temperature: 'hot', stage: 'mql', formId, source: 'email', from: '2026-01-01', to: '2026-01-31', q: ' acme ', sort: 'score', limit: '20', pageId: '' }),
    )
    expect(parsed).toEqual({
      ok: true,
      ignored: [],
      query: { filters: { temperature: 'hot', stage: 'mql', formId, source: 'email', from: '2026-01-01', to: '2026-01-31', q: 'acme' }, sort: 'score', cursor: null, limit: 20 },
    })
    const bad = parseLeadQuery(new URLSearchParams({ temperature: 'warm', stage: 'won', formId: '1', source: 'tv', from: '2026-13-01', to: 'x', sort: 'name', limit: '101' }))
    expect(bad.ok).toBe(false)
    expect(Object.keys(!bad.ok ? bad.errors : {}).sort()).toEqual(['formId', 'from', 'limit', 'sort', 'source', 'stage', 'temperature', 'to'])
    expect(parseLeadQuery(new URLSearchParams({ from: '2026-02-01', to: '2026-01-01' }))).toMatchObject({ ok: false, errors: { to: [expect.any(String)] } })
    expect(parseLeadQuery(new URLSearchParams({ cursor: 'garbage' }))).toMatchObject({ ok: false, errors: { cursor: [expect.any(String)] } })
  })

  test('the lenient mode drops what it cannot read and says so', () => {
    const parsed = parseLeadQuery(new URLSearchParams({ stage: 'won', temperature: 'hot', cursor: 'garbage' }), { lenient: true })
    expect(parsed).toMatchObject({ ok: true, query: { filters: { temperature: 'hot' }, cursor: null } })
    expect(parsed.ok && parsed.ignored.sort()).toEqual(['cursor', 'stage'])
  })
})

describe('changeLeadStage', () => {
  test('records each change with who made it; an unchanged stage writes nothing', async () => {
    const owner = await createOwner()
    const lead = await insertLead({ workspaceId: owner.workspaceId })
    const change = (toStage: Parameters<typeof changeLeadStage>[1]['toStage'], dealValue?: number | null) =>
      changeLeadStage(db, { workspaceId: owner.workspaceId, leadId: lead.id, toStage, dealValue, changedBy: owner.userId, source: 'member' })
    expect(await change('mql')).toEqual({ ok: true, changed: true, lead: { id: lead.id, stage: 'mql', dealValue: null } })
    expect(await change('mql')).toMatchObject({ ok: true, changed: false })
    expect(await change('opportunity', 12_500.5)).toMatchObject({ changed: true, lead: { stage: 'opportunity', dealValue: 12_500.5 } })
    // A new value on the same stage is a change worth recording; the same value again is not.
    expect(await change('opportunity', 14_000)).toMatchObject({ changed: true, lead: { dealValue: 14_000 } })
    expect(await change('opportunity', 14_000)).toMatchObject({ changed: false })
    // Moving on without a value keeps it; moving to a stage without values clears it on the lead.
    expect(await change('customer')).toMatchObject({ lead: { stage: 'customer', dealValue: 14_000 } })
    expect(await change('lost')).toMatchObject({ lead: { stage: 'lost', dealValue: null } })
    const history = await db
      .select({ from: leadStageChanges.fromStage, to: leadStageChanges.toStage, value: leadStageChanges.dealValue, by: leadStageChanges.changedBy, source: leadStageChanges.source })
      .from(leadStageChanges)
      .where(eq(leadStageChanges.leadId, lead.id))
      .orderBy(leadStageChanges.createdAt)
    expect(history).toEqual([
      { from: 'lead', to: 'mql', value: null, by: owner.userId, source: 'member' },
      { from: 'mql', to: 'opportunity', value: 12_500.5, by: owner.userId, source: 'member' },
      { from: 'opportunity', to: 'opportunity', value: 14_000, by: owner.userId, source: 'member' },
      { from: 'opportunity', to: 'customer', value: 14_000, by: owner.userId, source: 'member' },
      { from: 'customer', to: 'lost', value: null, by: owner.userId, source: 'member' },
    ])
    const [stored] = await db.select({ stage: leads.stage, dealValue: leads.dealValue }).from(leads).where(eq(leads.id, lead.id))
    expect(stored).toEqual({ stage: 'lost', dealValue: null })
  })

  test('deal values belong to opportunities and customers, are never negative, and have cents at most', async () => {
    const workspaceId = await insertWorkspace()
    const lead = await insertLead({ workspaceId })
    const change = (toStage: 'sql' | 'opportunity' | 'lead', dealValue: number | null) => changeLeadStage(db, { workspaceId, leadId: lead.id, toStage, dealValue, changedBy: null, source: 'api' })
    expect(await change('sql', 100)).toMatchObject({ ok: false, status: 400, errors: { dealValue: [expect.stringContaining('opportunities')] } })
    expect(await change('opportunity', -1)).toMatchObject({ ok: false, status: 400, errors: { dealValue: expect.any(Array) } })
    expect(await change('opportunity', 1.005)).toMatchObject({ ok: false, status: 400 })
    expect(await change('opportunity', 1e13)).toMatchObject({ ok: false, status: 400 })
    expect(await change('lead', null)).toMatchObject({ ok: true, changed: false })
    expect(await change('opportunity', 0)).toMatchObject({ ok: true, lead: { dealValue: 0 } })
    expect(await db.$count(leadStageChanges, eq(leadStageChanges.leadId, lead.id))).toBe(1)
  })

  test("another workspace's lead is not found, and a caller's transaction is honoured", async () => {
    const workspaceId = await insertWorkspace()
    const lead = await insertLead({ workspaceId: await insertWorkspace() })
    expect(await changeLeadStage(db, { workspaceId, leadId: lead.id, toStage: 'mql', changedBy: null, source: 'api' })).toEqual({ ok: false, status: 404 })
    const mine = await insertLead({ workspaceId })
    await expect(
      db.transaction(async (tx) => {
        await changeLeadStage(tx, { workspaceId, leadId: mine.id, toStage: 'mql', changedBy: null, source: 'score' })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    const [stored] = await db.select({ stage: leads.stage }).from(leads).where(eq(leads.id, mine.id))
    expect(stored!.stage).toBe('lead')
    expect(await db.$count(leadStageChanges, eq(leadStageChanges.leadId, mine.id))).toBe(0)
  })
})

describe('getLead', () => {
  test('conversions with form, page and timing; history; notes; and the pages seen before converting', async () => {
    const owner = await createOwner({ name: 'Sam Sales' })
    const workspaceId = owner.workspaceId
    const visitorId = randomUUID()
    const form = await insertForm({ workspaceId, name: 'Book a demo', fields: [{ key: 'email', type: 'email', label: 'Work email' }] })
    const page = await insertPage({ workspaceId, name: 'Demo landing' })
    const blog = await insertPage({ workspaceId, name: 'Blog' })
    const converted = new Date('2026-04-02T10:00:00Z')
    const lead = await insertLead({ workspaceId, visitorId, hotAt: converted, hardConversions: 1, lastConversionAt: converted, firstSeenAt: new Date('2026-04-01T09:00:00Z') })
    await insertConversion({
      workspaceId,
      leadId: lead.id,
      formId: form.id,
      pageId: page.id,
      variantKey: 'B',
      conversionType: 'hard',
      visitorId,
      createdAt: converted,
      firstSeenAt: new Date('2026-04-01T09:00:00Z'),
      answers: { email: 'x@example.com', message: '<b>hi</b>' },
    })
    await insertPageView({ workspaceId, pageId: blog.id, visitorId, viewedAt: new Date('2026-04-01T09:00:00Z') })
    await insertPageView({ workspaceId, pageId: page.id, visitorId, viewedAt: new Date('2026-04-02T09:59:00Z'), variantKey: 'B' })
    await insertPageView({ workspaceId, pageId: page.id, visitorId, viewedAt: new Date('2026-04-03T09:00:00Z') }) // after converting
    await insertPageView({ workspaceId, pageId: page.id, visitorId: randomUUID(), viewedAt: new Date('2026-04-01T12:00:00Z') }) // someone else
    await changeLeadStage(db, { workspaceId, leadId: lead.id, toStage: 'sql', changedBy: owner.userId, source: 'member' })
    await addLeadNote({ workspaceId, leadId: lead.id, authorId: owner.userId, body: 'Called, wants pricing' })

    const detail = await getLead({ workspaceId, id: lead.id })
    expect(detail).toMatchObject({ id: lead.id, temperature: 'hot', stage: 'sql', score: expect.any(Number) })
    expect(detail!.conversions).toEqual([
      expect.objectContaining({
        formName: 'Book a demo',
        pageName: 'Demo landing',
        variantKey: 'B',
        conversionType: 'hard',
        answers: { email: 'x@example.com', message: '<b>hi</b>' },
        fieldLabels: { email: 'Work email' },
        timeToConvertMs: 25 * 3600 * 1000,
      }),
    ])
    expect(detail!.stageChanges).toEqual([expect.objectContaining({ fromStage: 'lead', toStage: 'sql', changedByName: 'Sam Sales', source: 'member' })])
    expect(detail!.notes).toEqual([expect.objectContaining({ body: 'Called, wants pricing', authorName: 'Sam Sales' })])
    expect(detail!.journey.map((v) => [v.pageName, v.variantKey])).toEqual([
      ['Blog', 'A'],
      ['Demo landing', 'B'],
    ])
    expect(detail).not.toHaveProperty('visitorId')

    expect(await getLead({ workspaceId: await insertWorkspace(), id: lead.id })).toBeNull()
  })

  test('opened_at is set the first time only', async () => {
    const workspaceId = await insertWorkspace()
    const lead = await insertLead({ workspaceId, hotAt: new Date() })
    await markLeadOpened({ workspaceId: await insertWorkspace(), id: lead.id }) // another workspace: no effect
    expect((await getLead({ workspaceId, id: lead.id }))!.openedAt).toBeNull()
    await markLeadOpened({ workspaceId, id: lead.id })
    const first = (await getLead({ workspaceId, id: lead.id }))!.openedAt
    expect(first).toBeInstanceOf(Date)
    // Opened again a minute later (only Date is faked): a second stamp would differ from the first.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(first!.getTime() + 60_000)
      await markLeadOpened({ workspaceId, id: lead.id })
    } finally {
      vi.useRealTimers()
    }
    expect((await getLead({ workspaceId, id: lead.id }))!.openedAt).toEqual(first)
  })
})

describe('eraseLead', () => {
  test('removes personal data and notes but keeps counts, conversions and history', async () => {
    const workspaceId = await insertWorkspace()
    const visitorId = randomUUID()
    const form = await insertForm({ workspaceId })
    const page = await insertPage({ workspaceId })
    const email = `erase-me-${randomUUID()}@example.com`
    const lead = await insertLead({
      workspaceId,
      email,
      name: 'Eve',
      company: 'Evil Corp',
      phone: '+1 555',
      heardAbout: 'other',
      heardAboutOther: 'My friend Joe',
      visitorId,
      hardConversions: 1,
      softConversions: 2,
      pagesViewed: 9,
      hotAt: new Date(),
      stage: 'opportunity',
      dealValue: 500,
    })
    for (const type of ['hard', 'soft', 'soft'] as const) {
      await insertConversion({ workspaceId, leadId: lead.id, formId: form.id, pageId: page.id, conversionType: type, visitorId, answers: { email, name: 'Eve' } })
    }
    await insertPageView({ workspaceId, pageId: page.id, visitorId, viewedAt: new Date(Date.now() - 1000) })
    await addLeadNote({ workspaceId, leadId: lead.id, authorId: null, body: 'Eve is the CFO' })
    await changeLeadStage(db, { workspaceId, leadId: lead.id, toStage: 'customer', changedBy: null, source: 'api' })

    expect(await eraseLead({ workspaceId: await insertWorkspace(), id: lead.id })).toBe(false)
    expect(await eraseLead({ workspaceId, id: lead.id })).toBe(true)

    const [stored] = await db.select().from(leads).where(eq(leads.id, lead.id))
    expect(stored).toMatchObject({ email: null, name: null, company: null, phone: null, heardAboutOther: null, visitorId: null, erasedAt: expect.any(Date) })
    expect(stored).toMatchObject({ hardConversions: 1, softConversions: 2, pagesViewed: 9, stage: 'customer', dealValue: 500, heardAbout: 'other', hotAt: expect.any(Date) })
    const rows = await db.select({ type: conversions.conversionType, answers: conversions.answers, pageId: conversions.pageId }).from(conversions).where(eq(conversions.leadId, lead.id))
    expect(rows).toHaveLength(3)
    expect(rows.every((r) => r.answers === null && r.pageId === page.id)).toBe(true)
    expect(await db.$count(leadNotes, eq(leadNotes.leadId, lead.id))).toBe(0)
    expect(await db.$count(leadStageChanges, eq(leadStageChanges.leadId, lead.id))).toBe(1)
    // Nothing personal is left anywhere in the lead's row or its conversions.
    const everything = JSON.stringify({ stored, rows: await db.select().from(conversions).where(eq(conversions.leadId, lead.id)) })
    expect(everything).not.toMatch(/Eve|Evil|erase-me|Joe|\+1 555/)

    const detail = await getLead({ workspaceId, id: lead.id })
    expect(detail).toMatchObject({ erasedAt: expect.any(Date), notes: [], journey: [] })
    expect(await addLeadNote({ workspaceId, leadId: lead.id, authorId: null, body: 'again' })).toBeNull()
    // The email is free again: the same person converting later is a new lead.
    await expect(insertLead({ workspaceId, email })).resolves.toMatchObject({ email })
    // Erasing twice keeps the first erasure time.
    await eraseLead({ workspaceId, id: lead.id })
    expect((await getLead({ workspaceId, id: lead.id }))!.erasedAt).toEqual(stored!.erasedAt)
  })
})

describe('exportLeadsCsv', () => {
  test('exports the filtered list with formulas defused', async () => {
    const workspaceId = await insertWorkspace()
    await insertLead({ workspaceId, name: '=HYPERLINK("http://evil.example","click")', company: '+cmd|calc', hotAt: new Date() })
    await insertLead({ workspaceId, name: 'Cold Carl' })
    const { csv, rowCount, truncated } = await exportLeadsCsv({ workspaceId, filters: { temperature: 'hot' }, sort: 'newest' })
    expect({ rowCount, truncated }).toEqual({ rowCount: 1, truncated: false })
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^Email,Name,Company,/)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    expect(lines[1]).toContain(",'+cmd|calc,")
    expect(csv).not.toContain('Cold Carl')
  })
})
