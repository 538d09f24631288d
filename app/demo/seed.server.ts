import { sql } from 'drizzle-orm'
import { createApiKey, hashApiKey } from '#app/api-keys/api-key.server'
import { hashPassword } from '#app/auth/password.server'
import type { Database } from '#app/db.server'
import { validateFormDefinition } from '#app/forms/definition'
import { conversionTypeFor, starterFields, type PurposeId } from '#app/forms/purposes'
import { createPage, publishPage } from '#app/pages/queries.server'
import { DEFAULT_PRIVACY } from '#app/privacy/settings'
import { DEMO_PAGES } from './pages'
import { apiKeys, forms, memberships, pages, users, workspaces } from '#db/schema'
import { seedDemoHistory, type DemoForm } from './history.server'

export const DEMO_WORKSPACE_ID = '00000000-0000-4000-8000-00000000d3e0'
export const DEMO_LOGIN = { email: 'demo@splitform.dev', password: 'splitform-demo' }
const DEMO_PRIVACY = { mode: 'consent', banner: true, cookieDays: DEFAULT_PRIVACY.cookieDays, retentionMonths: DEFAULT_PRIVACY.retentionMonths } as const

/**
 * The demo workspace and its owner, its pages and forms, and three months of history (app/demo/history.server.ts).
 * Idempotent: every row has a fixed key and is inserted only when absent, and the history only into a workspace
 * without activity, so running it at every start changes nothing the second time (and never resets the demo password).
 * `onProgress` hears how far the history is written (see seedDemoHistory): only when it is written, on first start.
 */
export async function seedDemo(db: Database, { demoApiKey, onProgress }: { demoApiKey?: string; onProgress?: (share: number) => void }) {
  // A Swedish team's workspace (decision 072): its days are Stockholm's, its amounts in kronor. In consent mode, the
  // default of every new workspace (decision 086): its pages ask before any cookie, and its history is counted so.
  await db
    .insert(workspaces)
    .values({ id: DEMO_WORKSPACE_ID, name: 'Acme (demo)', timezone: 'Europe/Stockholm', currency: 'SEK', privacy: DEMO_PRIVACY })
    .onConflictDoNothing({ target: workspaces.id })
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.email} = ${DEMO_LOGIN.email}`)
  const userId =
    existing?.id ??
    (
      await db
        .insert(users)
        .values({ email: DEMO_LOGIN.email, name: 'Demo Marketer', passwordHash: await hashPassword(DEMO_LOGIN.password) })
        .returning({ id: users.id })
    )[0]!.id
  await db.insert(memberships).values({ workspaceId: DEMO_WORKSPACE_ID, userId, role: 'owner' }).onConflictDoNothing()
  if (demoApiKey) {
    const [key] = await db
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(sql`${apiKeys.keyHash} = ${hashApiKey(demoApiKey)}`)
    if (!key) await createApiKey({ workspaceId: DEMO_WORKSPACE_ID, name: 'DEMO_API_KEY', createdBy: userId, key: demoApiKey })
  }
  const demoForms = await seedDemoPages(db, userId)
  await seedDemoHistory(db, { workspaceId: DEMO_WORKSPACE_ID, userId, forms: demoForms, onProgress })
  return { workspaceId: DEMO_WORKSPACE_ID, userId }
}

// One form per demo page: soft for the webinar and the report, hard for the demo and the quote.
const DEMO_FORMS: { id: string; slug: string; name: string; purpose: PurposeId; success: Record<string, unknown> }[] = [
  {
    id: '00000000-0000-4000-8000-0000000f0001',
    slug: 'demo-webinar',
    name: 'Webinar registration',
    purpose: 'event_registration',
    success: { type: 'message', message: 'You are registered! The calendar invite is on its way.', nextStep: { text: 'Want a personal demo instead?', url: '/p/demo-book-a-demo' } },
  },
  {
    id: '00000000-0000-4000-8000-0000000f0002',
    slug: 'demo-whitepaper',
    name: 'Report download',
    purpose: 'content_download',
    success: {
      type: 'asset',
      assetUrl: 'https://splitform.dev/reports/b2b-conversion-benchmark.pdf',
      label: 'Download the report',
      nextStep: { text: 'See Splitform on your own pages: book a demo', url: '/p/demo-book-a-demo' },
    },
  },
  {
    id: '00000000-0000-4000-8000-0000000f0003',
    slug: 'demo-book-a-demo',
    name: 'Demo request',
    purpose: 'demo_request',
    success: { type: 'message', message: 'Thanks! We will email you within one business day to find a time.' },
  },
  {
    id: '00000000-0000-4000-8000-0000000f0004',
    slug: 'demo-quote',
    name: 'Quote request',
    purpose: 'quote_request',
    success: { type: 'message', message: 'Thanks! Your tailored quote arrives within two business days.' },
  },
]

/**
 * One published page per starter template, each with its form; a page or form whose key exists is left as the
 * marketer made it.
 */
async function seedDemoPages(db: Database, userId: string): Promise<DemoForm[]> {
  const seeded: DemoForm[] = []
  for (const page of DEMO_PAGES) {
    const form = DEMO_FORMS.find((f) => f.slug === page.slug)!
    const parsed = validateFormDefinition({ purpose: form.purpose, conversionType: conversionTypeFor(form.purpose), fields: starterFields(form.purpose), success: form.success, minFillSeconds: 1 })
    const definition = parsed.ok ? parsed.definition : null
    if (!definition) throw new Error(`demo form ${form.name}: ${JSON.stringify(!parsed.ok && parsed.errors)}`)
    await db.insert(forms).values({ id: form.id, workspaceId: DEMO_WORKSPACE_ID, name: form.name, definition }).onConflictDoNothing({ target: forms.id })
    const [existing] = await db
      .select({ id: pages.id })
      .from(pages)
      .where(sql`${pages.slug} = ${page.slug}`)
    let pageId = existing?.id
    if (!existing) {
      const created = await createPage({ workspaceId: DEMO_WORKSPACE_ID, ...page, formId: form.id })
      if (created.ok) {
        await publishPage({ workspaceId: DEMO_WORKSPACE_ID, pageId: created.page.id, userId })
        pageId = created.page.id
      }
    }
    if (pageId) seeded.push({ id: form.id, pageId, slug: page.slug, conversionType: definition.conversionType })
  }
  return seeded
}
