// Rows for the lead tests, inserted directly: the submission path (app/conversions) is tested on its own, and these
// tests need leads in exact states (old, hot, erased, with odd names) that a real submission cannot easily make.
import { randomUUID } from 'node:crypto'
import { db } from '#app/db.server'
import { FieldSchema, type FieldInput } from '#app/forms/definition'
import { conversions, forms, leads, pages, pageViews, workspaces, type Conversion, type Lead, type PageView } from '#db/schema'

const touch = { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, referrer: null, landingPath: '/p/x', channel: 'direct', hasClickId: false }

type FormValues = { workspaceId: string; name?: string; conversionType?: 'soft' | 'hard'; fields?: FieldInput[] }

export async function insertForm({ workspaceId, name = 'Contact sales', conversionType = 'hard', fields = [] }: FormValues) {
  // Fields as the builder stores them (defaults filled in); no fields at all, which the builder refuses, is allowed here.
  const definition = { conversionType, purpose: 'other' as const, fields: fields.map((f) => FieldSchema.parse(f)), success: { type: 'message' as const, message: 'Thanks' }, submitLabel: 'Submit' }
  const [row] = await db.insert(forms).values({ workspaceId, name, definition }).returning()
  return row!
}

export async function insertPage({ workspaceId, name = 'Demo page' }: { workspaceId: string; name?: string }) {
  const settings = { title: name, description: '', socialImage: '', noindex: false, favicon: '', theme: { brandColor: '#4f46e5', font: 'system', logo: '' } }
  const [row] = await db
    .insert(pages)
    .values({ workspaceId, name, slug: `lead-test-${randomUUID()}`, settings })
    .returning()
  return row!
}

export async function insertLead(values: { workspaceId: string } & Partial<Omit<Lead, 'workspaceId'>>) {
  const now = new Date()
  const [row] = await db
    .insert(leads)
    .values({
      email: `lead-${randomUUID()}@example.com`,
      channel: 'direct',
      firstSeenAt: now,
      lastConversionAt: now,
      lastActivityAt: now,
      ...values,
    })
    .returning()
  return row!
}

export async function insertConversion(values: { workspaceId: string; leadId: string; formId: string; pageId: string } & Partial<Conversion>) {
  const [row] = await db
    .insert(conversions)
    .values({ variantKey: 'A', conversionType: 'soft', idempotencyKey: randomUUID(), touch, device: 'desktop', answers: {}, ...values })
    .returning()
  return row!
}

export async function insertPageView(values: { workspaceId: string; pageId: string; visitorId: string; viewedAt: Date } & Partial<PageView>) {
  await db.insert(pageViews).values({ variantKey: 'A', device: 'desktop', channel: 'direct', path: '/p/x', ...values })
}

/** A bare workspace, for query tests that need no members. */
export async function insertWorkspace(name = 'Lead tests') {
  const [row] = await db.insert(workspaces).values({ name }).returning({ id: workspaces.id })
  return row!.id
}
