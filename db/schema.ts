import { relations } from 'drizzle-orm'
import { roles } from './enums'
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

export { roles, type Role } from './enums'

const createdAt = () => timestamp('created_at', { withTimezone: true }).defaultNow().notNull()

// ── Accounts and tenancy ────────────────────────────────────────────────────────────────────────
export const roleEnum = pgEnum('role', roles)

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
})

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored normalised (trimmed, lower-case) so that uniqueness is case-insensitive.
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
)

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
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
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    // The workspace the user is working in; membership is re-checked on every request.
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
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
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // The first characters of the key, shown in the list so a key can be recognised without its secret.
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_hash_key').on(t.keyHash), index('api_keys_workspace_idx').on(t.workspaceId)],
)

// ── Abuse protection ────────────────────────────────────────────────────────────────────────────
// Fixed-window counters shared by every app process (ARCHITECTURE.md: no in-memory shared state).
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
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // Global, because visitors reach pages at /p/:slug whatever their workspace.
    slug: text('slug').notNull(),
    settings: jsonb('settings').$type<PageSettings>().notNull(),
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
    pageId: uuid('page_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
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
    pageId: uuid('page_id').notNull().references(() => pages.id, { onDelete: 'cascade' }),
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
/** A form's fields, steps, conversion type and success action (validated by app/forms/definition.ts). */
export type FormDefinitionJson = { conversionType: 'soft' | 'hard'; purpose: string; fields: unknown[] } & Record<string, unknown>

export const forms = pgTable(
  'forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<FormDefinitionJson>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('forms_workspace_idx').on(t.workspaceId)],
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

