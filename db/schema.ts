import { relations } from 'drizzle-orm'
import { roles, type PrivacyMode, type ViewConsent } from './enums'
import { bigint, boolean, customType, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
// Types only (erased when drizzle-kit loads this file): the shapes the app validates before it stores a jsonb value.
import type { FormDefinition } from '#app/forms/definition'

export { roles, type Role } from './enums'

const createdAt = () => timestamp('created_at', { withTimezone: true }).defaultNow().notNull()

// ── Accounts and tenancy ────────────────────────────────────────────────────────────────────────
export const roleEnum = pgEnum('role', roles)

/** Lead-score rules a workspace tuned (app/leads/score.ts ScoreRulesSchema); null means the documented defaults. */
export type ScoreRulesJson = {
  pointsPerHard: number
  pointsPerSoft: number
  pointsPerPageView: number
  maxPageViewPoints: number
  halfLifeDays: number
  mqlThreshold: number | null
}

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  scoreRules: jsonb('score_rules').$type<ScoreRulesJson>(),
  // The workspace's calendar and money (decision 072): the IANA zone its days are counted in (the rollups are keyed
  // by its local days) and the ISO 4217 currency its amounts are in. Checked by app/workspaces/locale.ts.
  timezone: text('timezone').notNull().default('UTC'),
  currency: text('currency').notNull().default('EUR'),
  // How its published pages treat the visitor's device, and for how long (issue 19; app/privacy/settings.ts reads
  // it, with defaults for keys an older row lacks). New workspaces ask for consent; migration 0022 kept the
  // workspaces that existed before it on `cookies`, what they already did.
  privacy: jsonb('privacy').$type<PrivacySettingsJson>().notNull().default({ mode: 'consent', banner: true, cookieDays: 180, retentionMonths: 13 }),
  // Where experiment alerts are posted besides email (decision 088): the workspace's chat incoming webhook.
  alerts: jsonb('alerts').$type<WorkspaceAlertsJson>().notNull().default({ chatWebhookUrl: null }),
  createdAt: createdAt(),
})

/** A workspace's alert settings as stored (app/workspaces/schema.ts checks them: WorkspaceAlertsSchema). */
export type WorkspaceAlertsJson = {
  /** A Slack or Teams incoming webhook (https) that gets every experiment alert; null for email only. */
  chatWebhookUrl: string | null
}

/** A workspace's privacy settings as stored; app/privacy/settings.ts is the one reader and checker. */
export type PrivacySettingsJson = {
  mode: PrivacyMode
  /** Whether pages show Splitform's banner; false when the site's own consent tool (a CMP) is in charge. */
  banner: boolean
  /** How long `sf_consent`, and after consent the visitor's cookies, last: 30–395 days. */
  cookieDays: number
  /** Raw page views older than this many months are deleted; the rollups are kept. */
  retentionMonths: number
  /** The banner's link to the workspace's privacy policy. */
  policyUrl?: string | null
  /** The marketer's own banner wording, by page language (`sv`); what is missing reads the catalogue's. */
  bannerText?: Record<string, { title?: string; body?: string; accept?: string; reject?: string }>
  /** The site's own consent tool, loaded first in each page's head; its origins join the page's CSP (decision 095). */
  cmp?: { scriptUrl: string; attributes?: Record<string, string>; origins?: string[] } | null
}

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored normalised (trimmed, lower-case) so that uniqueness is case-insensitive.
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    // The admin's language the user picked ('en', 'sv'; app/i18n/languages.ts); null follows the browser.
    locale: text('locale'),
    // When the owner of the address proved it (a verification link, or a password reset by mail). Only read when
    // REQUIRE_EMAIL_VERIFICATION is on: then an account without it cannot use the app (app/auth/verification.server.ts).
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
)

export type AccountTokenPurpose = 'password-reset' | 'email-verification'

// One-time links mailed to an account's address (app/auth/account-tokens.server.ts). Only the SHA-256 of the token
// is kept, so a leaked table hands out no working link; a token works once (used_at) and until expires_at.
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<AccountTokenPurpose>().notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('account_tokens_hash_key').on(t.tokenHash), index('account_tokens_user_idx').on(t.userId)],
)

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_idx').on(t.userId)],
)

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the random token in the cookie: a leaked table does not hand out live sessions.
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The workspace the user is working in; membership is re-checked on every request.
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    // So a member can tell their sessions apart (Settings → Security); last seen is touched every few minutes.
    userAgent: text('user_agent'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    role: roleEnum('role').notNull(),
    email: text('email'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invites_token_key').on(t.tokenHash), index('invites_workspace_idx').on(t.workspaceId)],
)

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // The first characters of the key, shown in the list so a key can be recognised without its secret.
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    // Why it stopped working, shown in the list: revoked by a member, or with its creator's membership.
    revokedReason: text('revoked_reason'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_hash_key').on(t.keyHash), index('api_keys_workspace_idx').on(t.workspaceId), index('api_keys_created_by_idx').on(t.workspaceId, t.createdBy)],
)

// ── Abuse protection ────────────────────────────────────────────────────────────────────────────
// Fixed-window counters shared by every app process (docs/architecture.md: no in-memory shared state).
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
})

// ── Landing pages ───────────────────────────────────────────────────────────────────────────────
/** Page-level settings shared by every variant (validated by PageSettingsSchema in app/pages/schema.ts). */
export type PageSettings = {
  title: string
  description: string
  socialImage: string
  noindex: boolean
  favicon: string
  theme: { brandColor: string; font: string; logo: string }
}

/** A Puck document: `{ root, content }` (validated by app/pages/document.ts before it is stored). */
export type PageDocumentJson = { root: { props?: Record<string, unknown> }; content: unknown[]; zones?: Record<string, unknown> }

export type PublishedContent = {
  settings: PageSettings
  variants: { key: string; name: string; document: PageDocumentJson }[]
}

export const pages = pgTable(
  'pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // Global, because visitors reach pages at /p/:slug whatever their workspace.
    slug: text('slug').notNull(),
    settings: jsonb('settings').$type<PageSettings>().notNull(),
    // The language visitors are spoken to in (BCP 47, canonical: app/visitor-language/locales.ts). The page's, not a
    // version's: a change is served at once (decision 073).
    locale: text('locale').notNull().default('en'),
    // The version visitors get; null until the first publish. Status is derived from this and archivedAt.
    publishedVersionId: uuid('published_version_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('pages_slug_key').on(t.slug), index('pages_workspace_idx').on(t.workspaceId)],
)

export const pageVariants = pgTable(
  'page_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    draft: jsonb('draft').$type<PageDocumentJson>().notNull(),
    draftUpdatedAt: timestamp('draft_updated_at', { withTimezone: true }).defaultNow().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('page_variants_page_key').on(t.pageId, t.key)],
)

// Immutable: a publish inserts a row, a revert inserts a copy of an older one. Never updated.
export const pageVersions = pgTable(
  'page_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    content: jsonb('content').$type<PublishedContent>().notNull(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    // The version this one restored, when it was made by a revert.
    revertedFrom: integer('reverted_from'),
    publishedAt: timestamp('published_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [uniqueIndex('page_versions_page_number').on(t.pageId, t.number)],
)

// ── Forms ───────────────────────────────────────────────────────────────────────────────────────
export const forms = pgTable(
  'forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // A form's fields, steps, conversion type and success action, as FormDefinitionSchema parsed them before storing.
    definition: jsonb('definition').$type<FormDefinition>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('forms_workspace_idx').on(t.workspaceId)],
)

// ── Visitors' page views ────────────────────────────────────────────────────────────────────────
// Written in batches from an in-process buffer (app/events), never in the request path. One row per served,
// countable page view; bots, prefetches, previews and members are not recorded.
export const pageViews = pgTable(
  'page_views',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid('workspace_id').notNull(),
    pageId: uuid('page_id').notNull(),
    variantKey: text('variant_key').notNull(),
    // Random 128-bit id from the first-party cookie (never derived from IP or user agent).
    visitorId: uuid('visitor_id').notNull(),
    device: text('device').notNull(),
    channel: text('channel').notNull(),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    referrer: text('referrer'),
    path: text('path').notNull(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull(),
    // What the view knew of the visitor's consent (db/enums.ts). Views counted cookieless (pending, denied,
    // cookieless) carry a random id of their own in visitor_id, never stored on the device.
    consent: text('consent').$type<ViewConsent>().notNull().default('cookies'),
  },
  (t) => [
    index('page_views_visitor_idx').on(t.visitorId, t.viewedAt),
    index('page_views_workspace_time_idx').on(t.workspaceId, t.viewedAt),
    index('page_views_page_time_idx').on(t.pageId, t.viewedAt),
  ],
)

// ── Marketing KPIs: sessions and rollups ──────────────────────────────────────────────────────────
// Maintained from page_view_rollup_queue (app/kpis/rollup-queue.server.ts, a few seconds behind the live views), so
// the dashboard never scans raw page views. Backfilled from page_views by migration 0006.

/** Page views written but not yet counted in the rollups below; the live path inserts both in one statement. */
export const pageViewRollupQueue = pgTable('page_view_rollup_queue', {
  pageViewId: bigint('page_view_id', { mode: 'number' }).primaryKey(),
})

/** A visit: a visitor's page views in one workspace with less than 30 minutes between one and the next. */
export const visitorSessions = pgTable(
  'visitor_sessions',
  {
    workspaceId: uuid('workspace_id').notNull(),
    visitorId: uuid('visitor_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    pageViews: integer('page_views').notNull(),
    entryPageId: uuid('entry_page_id').notNull(),
    entryVariantKey: text('entry_variant_key').notNull(),
    // Of the first page view.
    device: text('device').notNull(),
    channel: text('channel').notNull(),
    // The first conversion in the session (set by the conversions_mark_session trigger or when the session is rebuilt).
    convertedAt: timestamp('converted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.visitorId, t.startedAt] }),
    // Migration 0006 adds INCLUDE (entry_page_id, entry_variant_key, device, channel, page_views, visitor_id), which
    // drizzle cannot declare: converted sessions are counted from the index alone.
    index('visitor_sessions_converted_idx')
      .on(t.workspaceId, t.startedAt)
      .where(sql`${t.convertedAt} is not null`),
  ],
)

/** Sessions by the UTC day they started on, entry page and variant, device and channel. */
export const sessionDaily = pgTable(
  'session_daily',
  {
    workspaceId: uuid('workspace_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    entryPageId: uuid('entry_page_id').notNull(),
    entryVariantKey: text('entry_variant_key').notNull(),
    device: text('device').notNull(),
    channel: text('channel').notNull(),
    sessions: integer('sessions').notNull(),
    // Sessions that saw one page (bounces, unless they converted).
    singlePage: integer('single_page').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.entryPageId, t.entryVariantKey, t.device, t.channel] })],
)

/**
 * Which days a visitor was seen: kind 'all' (any page; device and channel of the day's first view), 'page' (that
 * page and variant) or 'entry' (a session started on that page). Page id is the nil uuid for 'all'.
 */
export const visitorDays = pgTable(
  'visitor_days',
  {
    workspaceId: uuid('workspace_id').notNull(),
    visitorId: uuid('visitor_id').notNull(),
    kind: text('kind').notNull(),
    pageId: uuid('page_id').notNull(),
    variantKey: text('variant_key').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    device: text('device').notNull(),
    channel: text('channel').notNull(),
    // The day's first view (first session for 'entry'): device and channel are that view's, whatever order views arrive in.
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.visitorId, t.kind, t.pageId, t.variantKey, t.day] })],
)

/**
 * visitor_days counted per day and gap (days since the same visitor's previous day of the same kind and page; 0 for
 * none within 366 days), so distinct visitors over any period [a, b] are a sum: day in [a, b] and (gap = 0 or
 * gap > day − a).
 */
export const visitorDaily = pgTable(
  'visitor_daily',
  {
    workspaceId: uuid('workspace_id').notNull(),
    kind: text('kind').notNull(),
    pageId: uuid('page_id').notNull(),
    variantKey: text('variant_key').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    gap: smallint('gap').notNull(),
    device: text('device').notNull(),
    channel: text('channel').notNull(),
    visitors: integer('visitors').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.kind, t.pageId, t.variantKey, t.gap, t.device, t.channel] })],
)

export const pageViewDaily = pgTable(
  'page_view_daily',
  {
    workspaceId: uuid('workspace_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    pageId: uuid('page_id').notNull(),
    variantKey: text('variant_key').notNull(),
    views: integer('views').notNull(),
    // Of `views` (page_views.consent, app/kpis/consent.ts): asked for consent (granted, pending or denied: served in
    // consent mode), of those consented (granted), and counted cookieless (pending, denied or cookieless). Migration 0025.
    askedViews: integer('asked_views').notNull().default(0),
    consentedViews: integer('consented_views').notNull().default(0),
    cookielessViews: integer('cookieless_views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.pageId, t.variantKey] })],
)

/** Marketing spend per month (yyyy-mm) and channel, entered in Settings → Spend. */
export const marketingSpend = pgTable(
  'marketing_spend',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    channel: text('channel').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.month, t.channel] })],
)

// ── Leads and conversions ───────────────────────────────────────────────────────────────────────
export const leadStages = ['lead', 'mql', 'sql', 'opportunity', 'customer', 'lost'] as const
export type LeadStage = (typeof leadStages)[number]
export const leadStageEnum = pgEnum('lead_stage', leadStages)
export const conversionTypeEnum = pgEnum('conversion_type', ['soft', 'hard'])

/** Where a visit came from (app/attribution/touch.ts Touch), as stored on conversions and leads. */
export type TouchJson = {
  utmSource: string | null
  utmMedium: string | null
  utmCampaign: string | null
  utmTerm: string | null
  utmContent: string | null
  referrer: string | null
  landingPath: string
  channel: string
  hasClickId: boolean
  at?: string
}
export type AnswersJson = Record<string, string | number | boolean | string[] | null>

export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // Normalised (trimmed, lower-case); one lead per email per workspace. Null for a form without an email
    // field (each such conversion is its own lead) and after erasure.
    email: text('email'),
    name: text('name'),
    company: text('company'),
    phone: text('phone'),
    // Hot from the first hard conversion on, for good.
    hotAt: timestamp('hot_at', { withTimezone: true }),
    stage: leadStageEnum('stage').default('lead').notNull(),
    // For opportunity and customer: the deal's value in the workspace's currency.
    dealValue: numeric('deal_value', { precision: 14, scale: 2, mode: 'number' }),
    hardConversions: integer('hard_conversions').default(0).notNull(),
    softConversions: integer('soft_conversions').default(0).notNull(),
    pagesViewed: integer('pages_viewed').default(0).notNull(),
    firstTouch: jsonb('first_touch').$type<TouchJson>(),
    lastTouch: jsonb('last_touch').$type<TouchJson>(),
    channel: text('channel').notNull(),
    heardAbout: text('heard_about'),
    heardAboutOther: text('heard_about_other'),
    device: text('device'),
    visitorId: uuid('visitor_id'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastConversionAt: timestamp('last_conversion_at', { withTimezone: true }).notNull(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    // When a member first opened it: new hot leads stand out until then.
    openedAt: timestamp('opened_at', { withTimezone: true }),
    // Double opt-in (app/leads/confirmation.server.ts): when a double-opt-in form first asked this address to
    // confirm, and when it did. Unconfirmed = asked and not (yet) confirmed; a lead never asked is neither.
    confirmationRequestedAt: timestamp('confirmation_requested_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('leads_workspace_email_key')
      .on(t.workspaceId, t.email)
      .where(sql`${t.email} is not null`),
    index('leads_workspace_created_idx').on(t.workspaceId, t.createdAt),
  ],
)

export const conversions = pgTable(
  'conversions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // Set in the same transaction that inserts the conversion; never null once committed.
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    formId: uuid('form_id').notNull(),
    pageId: uuid('page_id').notNull(),
    variantKey: text('variant_key').notNull(),
    // The experiment the visitor was in, when there was one (experiments land with issue 6).
    experimentId: uuid('experiment_id'),
    conversionType: conversionTypeEnum('conversion_type').notNull(),
    visitorId: uuid('visitor_id'),
    // The same submission posted twice (double click, retry) carries the same key: one conversion.
    idempotencyKey: text('idempotency_key').notNull(),
    // Null after the lead is erased: counts stay, personal data goes.
    answers: jsonb('answers').$type<AnswersJson>(),
    touch: jsonb('touch').$type<TouchJson>().notNull(),
    firstTouch: jsonb('first_touch').$type<TouchJson>(),
    device: text('device').notNull(),
    // When the visitor first reached us (first page view or first-touch cookie) and when the form was rendered.
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversions_idempotency_key').on(t.workspaceId, t.idempotencyKey),
    index('conversions_lead_idx').on(t.leadId),
    index('conversions_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('conversions_page_idx').on(t.pageId, t.createdAt),
    // The KPI report counts a period's conversions from this index alone (migration 0006 adds INCLUDE (page_id,
    // variant_key, conversion_type, device), which drizzle cannot declare).
    index('conversions_kpi_idx').on(t.workspaceId, t.createdAt),
    // The sessions a visitor's conversions fall in (app/kpis/rollups.server.ts).
    index('conversions_visitor_idx')
      .on(t.workspaceId, t.visitorId, t.createdAt)
      .where(sql`${t.visitorId} is not null`),
  ],
)

// Submissions the spam checks held back: stored whole so a member can review and restore them; never counted.
export const spamSubmissions = pgTable(
  'spam_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    formId: uuid('form_id').notNull(),
    pageId: uuid('page_id').notNull(),
    variantKey: text('variant_key').notNull(),
    reason: text('reason').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    answers: jsonb('answers').$type<AnswersJson>().notNull(),
    touch: jsonb('touch').$type<TouchJson>().notNull(),
    visitorId: uuid('visitor_id'),
    // The running experiment the visitor was assigned in, if any: a restored submission counts in it.
    experimentId: uuid('experiment_id'),
    // The post came from a view counted cookieless (its form carried the view's signed exposure, decision 083):
    // restored, it counts under that view's id as a cookieless conversion, as it would have (migration 0027).
    cookieless: boolean('cookieless').notNull().default(false),
    device: text('device').notNull(),
    userAgent: text('user_agent'),
    restoredAt: timestamp('restored_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('spam_submissions_workspace_idx').on(t.workspaceId, t.createdAt),
    // A retry of a held submission is held once (migration 0011).
    uniqueIndex('spam_submissions_idempotency_key').on(t.workspaceId, t.idempotencyKey),
  ],
)

export const leadStageChanges = pgTable(
  'lead_stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    fromStage: leadStageEnum('from_stage').notNull(),
    toStage: leadStageEnum('to_stage').notNull(),
    dealValue: numeric('deal_value', { precision: 14, scale: 2, mode: 'number' }),
    // Null for automatic changes (score threshold) and API keys; `source` says which.
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('lead_stage_changes_lead_idx').on(t.leadId, t.createdAt),
    index('lead_stage_changes_workspace_idx').on(t.workspaceId, t.createdAt),
    // Wins and losses in a period (app/kpis).
    index('lead_stage_changes_to_stage_idx').on(t.workspaceId, t.toStage, t.createdAt),
  ],
)

/**
 * One narrow row per lead with what the KPI report reads, kept by triggers on leads and lead_stage_changes
 * (migration 0006): so a period's 50,000 leads are read without their wide rows. conversionChannel is the channel
 * of the lead's first conversion; mqlAt … customerAt the first time it reached each stage or a later one.
 */
export const leadFunnel = pgTable(
  'lead_funnel',
  {
    leadId: uuid('lead_id')
      .primaryKey()
      .references(() => leads.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    channel: text('channel').notNull(),
    conversionChannel: text('conversion_channel'),
    device: text('device'),
    heardAbout: text('heard_about'),
    hotAt: timestamp('hot_at', { withTimezone: true }),
    stage: leadStageEnum('stage').notNull(),
    mqlAt: timestamp('mql_at', { withTimezone: true }),
    sqlAt: timestamp('sql_at', { withTimezone: true }),
    opportunityAt: timestamp('opportunity_at', { withTimezone: true }),
    customerAt: timestamp('customer_at', { withTimezone: true }),
  },
  (t) => [
    index('lead_funnel_workspace_created_idx').on(t.workspaceId, t.createdAt),
    // The money KPIs' stage flows (app/kpis/money.server.ts) read the leads whose latest stage time falls in or after a
    // period: a range on this expression, instead of every lead the workspace ever had (migration 0015). Only leads
    // past MQL have one, and the flows ask for mql_at < end, which implies the predicate.
    index('lead_funnel_workspace_stage_time_idx')
      .on(t.workspaceId, sql`coalesce(${t.customerAt}, ${t.opportunityAt}, ${t.sqlAt}, ${t.mqlAt})`)
      .where(sql`${t.mqlAt} is not null`),
  ],
)

export const leadNotes = pgTable(
  'lead_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lead_notes_lead_idx').on(t.leadId, t.createdAt)],
)

// ── Assets delivered after a submission ─────────────────────────────────────────────────────────
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('assets_workspace_idx').on(t.workspaceId)],
)

// ── Webhooks ────────────────────────────────────────────────────────────────────────────────────
export const webhookEvents = ['lead.created', 'conversion.created', 'lead.hot'] as const
export type WebhookEvent = (typeof webhookEvents)[number]

export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    events: text('events').array().notNull(),
    active: boolean('active').default(true).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('webhooks_workspace_idx').on(t.workspaceId)],
)

// The outbox: a row is written in the submission's transaction, then delivered (and retried) by a worker in any
// app process; `FOR UPDATE SKIP LOCKED` keeps two processes off the same row.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    // The exact bytes signed and sent, so every retry sends the same body.
    body: text('body').notNull(),
    status: text('status').default('pending').notNull(), // pending | delivered | failed
    attempts: integer('attempts').default(0).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).defaultNow().notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt),
  ],
)

// ── Mail ────────────────────────────────────────────────────────────────────────────────────────
export const mailChannels = ['email', 'chat'] as const
export type MailChannel = (typeof mailChannels)[number]
export const mailStatuses = ['pending', 'sent', 'failed'] as const
export type MailStatus = (typeof mailStatuses)[number]
/** One try at delivering a message, kept on the message (at most MAX_ATTEMPTS of them). */
export type MailAttemptJson = { at: string; ok: boolean; transport: string; error?: string; ms: number }

// Outgoing mail (and chat posts of lead alerts) and the email log in one table (app/mail/outbox.server.ts): a row is
// written in the transaction of what it tells about, then a worker renders and delivers it, retrying like webhooks.
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Null for mail that belongs to no workspace (an account's own mail before it has one).
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<MailChannel>().default('email').notNull(),
    /** What the mail is for: 'lead-alert', 'account', 'visitor', 'test', … (the sender decides; the log shows it). */
    kind: text('kind').notNull(),
    template: text('template').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    locale: text('locale').default('en').notNull(),
    /** Email addresses, or the one chat webhook URL. */
    recipients: text('recipients').array().notNull(),
    // Filled at the first attempt (rendered then, outside the request), and sent the same on every retry.
    subject: text('subject'),
    text: text('text'),
    html: text('html'),
    headers: jsonb('headers').$type<Record<string, string>>(),
    /** Who sends one message once: a second enqueue with the same key writes nothing. */
    dedupeKey: text('dedupe_key'),
    status: text('status').$type<MailStatus>().default('pending').notNull(),
    attempts: integer('attempts').default(0).notNull(),
    attemptLog: jsonb('attempt_log').$type<MailAttemptJson[]>().default([]).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).defaultNow().notNull(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('mail_messages_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('mail_messages_workspace_idx').on(t.workspaceId, t.createdAt),
    uniqueIndex('mail_messages_dedupe_key').on(t.dedupeKey),
  ],
)

// ── Experiments ─────────────────────────────────────────────────────────────────────────────────
export const experimentStatuses = ['draft', 'running', 'paused', 'concluded'] as const
export type ExperimentStatus = (typeof experimentStatuses)[number]
export const experimentStatusEnum = pgEnum('experiment_status', experimentStatuses)

/** A variant in an experiment: a page variant key and its share of the covered traffic (fractions sum to 1). */
export type ExperimentVariantJson = { key: string; weight: number }
/** any | soft | hard conversions, one form's, or a lead metric: hot, a funnel stage, pipeline (decision 060). */
export type ExperimentMetricJson = 'any' | 'soft' | 'hard' | 'hot' | 'mql' | 'sql' | 'opportunity' | 'customer' | 'pipeline' | { formId: string }

export const experiments = pgTable(
  'experiments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    pageId: uuid('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    hypothesis: text('hypothesis').default('').notNull(),
    status: experimentStatusEnum('status').default('draft').notNull(),
    // A fresh random 32-bit seed per experiment: assignments of two experiments are independent.
    seed: bigint('seed', { mode: 'number' }).notNull(),
    // How visitors are hashed into variants (app/experiments/bucketing.ts hash): the version the experiment was
    // created with, for its whole life. Experiments from before the column existed were bucketed with version 1.
    bucketingVersion: integer('bucketing_version').default(1).notNull(),
    variants: jsonb('variants').$type<ExperimentVariantJson[]>().notNull(),
    controlKey: text('control_key').notNull(),
    // Share of visitors who enter (0–1]; the rest see the control and are not counted.
    coverage: numeric('coverage', { precision: 6, scale: 5, mode: 'number' }).default(1).notNull(),
    primaryMetric: jsonb('primary_metric').$type<ExperimentMetricJson>().notNull(),
    secondaryMetrics: jsonb('secondary_metrics').$type<ExperimentMetricJson[]>().default([]).notNull(),
    confidence: numeric('confidence', { precision: 4, scale: 3, mode: 'number' }).default(0.95).notNull(),
    minRuntimeDays: integer('min_runtime_days').default(7).notNull(),
    plannedVisitorsPerVariant: integer('planned_visitors_per_variant'),
    // Lead metrics (hot, the funnel stages, pipeline) count only visitors exposed at least this many days ago: a
    // lead needs time to become an opportunity, so the newest visitors would dilute the rates (decision 060).
    maturityDays: integer('maturity_days').default(14).notNull(),
    autoShip: boolean('auto_ship').default(false).notNull(),
    winnerKey: text('winner_key'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    index('experiments_workspace_idx').on(t.workspaceId, t.createdAt),
    // One running (or paused) experiment per page.
    uniqueIndex('experiments_one_active_per_page')
      .on(t.pageId)
      .where(sql`${t.status} in ('running', 'paused')`),
  ],
)

// A visitor's first assignment in an experiment, written when the variant is first served to a countable
// visitor: the exposure (one per experiment and visitor) and the sticky record.
export const exposures = pgTable(
  'exposures',
  {
    experimentId: uuid('experiment_id').notNull(),
    visitorId: uuid('visitor_id').notNull(),
    variantKey: text('variant_key').notNull(),
    device: text('device').notNull(),
    channel: text('channel').notNull(),
    exposedAt: timestamp('exposed_at', { withTimezone: true }).notNull(),
    // A page view counted without identifiers (issue 19): visitor_id is that view's own random id, and the unit of
    // this exposure is the page view, not the visitor.
    cookieless: boolean('cookieless').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.experimentId, t.visitorId] }),
    // The results' cookieless counts per variant (app/experiments/results/unit.server.ts) read only these rows.
    index('exposures_cookieless_idx')
      .on(t.experimentId, t.variantKey)
      .where(sql`cookieless`),
  ],
)

// A visitor converting on a metric, at most once per experiment and metric (`any`, `soft`, `hard`, `form:<id>`).
export const experimentConversions = pgTable(
  'experiment_conversions',
  {
    experimentId: uuid('experiment_id').notNull(),
    visitorId: uuid('visitor_id').notNull(),
    metric: text('metric').notNull(),
    variantKey: text('variant_key').notNull(),
    conversionId: uuid('conversion_id').notNull(),
    convertedAt: timestamp('converted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.metric, t.visitorId] })],
)

// Experiment conversions written (in the conversion's own statement) but not yet added to experiment_daily: the
// rollup follower (app/experiments/counting.server.ts) moves them there, a batch at a time, and the results add
// what is still queued, so they count every stored experiment conversion. One row per conversion, with the
// metrics it was the visitor's first conversion for ('' when it also wrote the visitor's missing exposure), in the
// segment (device, channel) of the visitor's exposure.
export const experimentConversionQueue = pgTable(
  'experiment_conversion_queue',
  {
    experimentId: uuid('experiment_id').notNull(),
    conversionId: uuid('conversion_id').notNull(),
    visitorId: uuid('visitor_id').notNull(),
    variantKey: text('variant_key').notNull(),
    device: text('device').notNull(),
    channel: text('channel').notNull(),
    convertedAt: timestamp('converted_at', { withTimezone: true }).notNull(),
    metrics: text('metrics').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.conversionId] })],
)

// Daily rollups maintained as exposures and conversions land, so results never scan raw events.
// metric '' holds visitors (exposures); any other metric holds that metric's converted visitors.
export const experimentDaily = pgTable(
  'experiment_daily',
  {
    experimentId: uuid('experiment_id').notNull(),
    day: text('day').notNull(), // yyyy-mm-dd in the workspace's time zone (decision 087)
    variantKey: text('variant_key').notNull(),
    device: text('device').notNull(),
    channel: text('channel').notNull(),
    metric: text('metric').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.day, t.variantKey, t.device, t.channel, t.metric] })],
)

// Each variant's leads (the leads of its converted visitors) and how far each got, so lead quality reads one narrow
// row per lead instead of joining conversions and leads. Written with the experiment conversions
// (app/experiments/counting.server.ts); the experiment_leads_follow trigger on leads keeps it current (migration 0007).
export const experimentLeads = pgTable(
  'experiment_leads',
  {
    // No foreign key to experiments, like the other counting tables: a batch must not fail on one deleted experiment.
    experimentId: uuid('experiment_id').notNull(),
    variantKey: text('variant_key').notNull(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    // The furthest funnel stage the lead ever reached: 0 lead, 1 MQL, 2 SQL, 3 opportunity, 4 customer.
    reached: smallint('reached').notNull(),
    isLost: boolean('is_lost').notNull(),
    // The lead's deal value while it is at opportunity or customer, else 0.
    pipelineValue: numeric('pipeline_value', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    // The lead is hot (leads.hot_at set: a hard conversion); hot for good, like the lead.
    isHot: boolean('is_hot').default(false).notNull(),
    // The converted visitor the row stands for (the first of the variant's visitors with this lead), and the UTC day
    // (yyyy-mm-dd, like experiment_daily.day) of that visitor's exposure: lead metrics count a variant's visitors
    // exposed by a cutoff day, from experiment_daily's visitors and these rows alike (decision 060). visitor_id is
    // null only for rows from before migration 0013 whose visitor could not be found again.
    visitorId: uuid('visitor_id'),
    exposureDay: text('exposure_day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.variantKey, t.leadId] }), index('experiment_leads_lead_idx').on(t.leadId)],
)

export const experimentEvents = pgTable(
  'experiment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().default({}).notNull(),
    // Null for API keys and automatic actions; `actor` says which.
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    actor: text('actor').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('experiment_events_experiment_idx').on(t.experimentId, t.createdAt)],
)

// ── Relations ───────────────────────────────────────────────────────────────────────────────────
export const workspacesRelations = relations(workspaces, ({ many }) => ({ memberships: many(memberships) }))
export const usersRelations = relations(users, ({ many }) => ({ memberships: many(memberships) }))
export const membershipsRelations = relations(memberships, ({ one }) => ({
  workspace: one(workspaces, { fields: [memberships.workspaceId], references: [workspaces.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}))

export type Workspace = typeof workspaces.$inferSelect
export type User = typeof users.$inferSelect
export type Membership = typeof memberships.$inferSelect
export type ApiKey = typeof apiKeys.$inferSelect
export type Invite = typeof invites.$inferSelect
export type Page = typeof pages.$inferSelect
export type PageVariant = typeof pageVariants.$inferSelect
export type PageVersion = typeof pageVersions.$inferSelect
export type Form = typeof forms.$inferSelect

export type PageView = typeof pageViews.$inferSelect
export type Lead = typeof leads.$inferSelect
export type Conversion = typeof conversions.$inferSelect
export type SpamSubmission = typeof spamSubmissions.$inferSelect
export type LeadStageChange = typeof leadStageChanges.$inferSelect
export type LeadNote = typeof leadNotes.$inferSelect
export type Asset = typeof assets.$inferSelect
export type Webhook = typeof webhooks.$inferSelect
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect
export type MailMessage = typeof mailMessages.$inferSelect
export type Experiment = typeof experiments.$inferSelect
export type Exposure = typeof exposures.$inferSelect
export type VisitorSession = typeof visitorSessions.$inferSelect
export type MarketingSpend = typeof marketingSpend.$inferSelect

// ── Mail to visitors and experiment alerts (docs/email.md) ─────────────────────────────────────
// An address that unsubscribed from a workspace's mail to visitors (app/leads/unsubscribe.server.ts): by address,
// not by lead, so it outlives the lead's erasure and covers a later lead with the same address.
export const mailUnsubscriptions = pgTable(
  'mail_unsubscriptions',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // Normalised like leads.email (trimmed, lower-case).
    email: text('email').notNull(),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.email] })],
)

// Members who asked for an experiment's alerts besides its creator (the watch toggle on the experiment).
export const experimentWatchers = pgTable(
  'experiment_watchers',
  {
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.userId] })],
)

// One row per experiment and alert event (srm, winner_called, auto_shipped, no_traffic, min_runtime): the key that
// makes each alert go out once however often the detector runs (app/experiments/alerts.server.ts).
export const experimentAlerts = pgTable(
  'experiment_alerts',
  {
    experimentId: uuid('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().default({}).notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.event] })],
)
