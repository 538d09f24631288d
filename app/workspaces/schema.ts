import { z } from 'zod'
import { ChatWebhookUrlSchema } from '#app/alerts/schema'
import { PrivacyPatchSchema } from '#app/privacy/schema'
import { CurrencySchema, TimeZoneSchema } from '#app/workspaces/locale'
import { roles } from '#db/enums'

export const RoleSchema = z.enum(roles, { error: 'Choose owner, editor or viewer' })

export const InviteFormSchema = z.object({
  role: RoleSchema,
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.union([z.literal(''), z.email('Enter a valid email address')]))
    .optional(),
})

export const WorkspaceNameSchema = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(100, 'Use at most 100 characters'),
})

/**
 * Creating another workspace: its name, and what the browser says (app/workspaces/browser-calendar.tsx) for its
 * calendar and currency, a guess as at sign-up, so anything unreadable falls back to UTC rather than refusing.
 */
export const NewWorkspaceFormSchema = WorkspaceNameSchema.extend({
  timeZone: z.string().max(100).optional(),
  locale: z.string().max(100).optional(),
})

/** The settings screen's form: every field sent, each checked as the API checks it. */
export const WorkspaceSettingsFormSchema = z.object({
  name: WorkspaceNameSchema.shape.name,
  timezone: TimeZoneSchema,
  currency: CurrencySchema,
})

/**
 * The workspace's alerts (decision 088): the chat incoming webhook every experiment alert is posted to, besides the
 * email to its creator and watchers. null (or an empty field in Settings) turns the chat off.
 */
export const WorkspaceAlertsSchema = z.strictObject(
  {
    chatWebhookUrl: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), ChatWebhookUrlSchema.nullable()),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'Send alerts as an object: { "chatWebhookUrl": "https://…" | null }' : undefined) },
)

/**
 * PATCH /api/v1/workspace and the settings screen: each key optional, unknown keys refused by name. One key per
 * group of settings; `privacy` (issue 19) is an object of its own, merged into what is stored.
 */
export const WorkspacePatchSchema = z
  .strictObject({
    name: WorkspaceNameSchema.shape.name.optional(),
    timezone: TimeZoneSchema.optional(),
    currency: CurrencySchema.optional(),
    alerts: WorkspaceAlertsSchema.optional(),
    privacy: PrivacyPatchSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one of name, timezone, currency, alerts, privacy')
export type WorkspacePatch = z.infer<typeof WorkspacePatchSchema>

/**
 * What only an owner may change: on Settings (General, Privacy, Alerts: owner-only actions) and through the API
 * alike, where a key acts with its creator's role and an editor's key is refused (403) naming these keys. Today that
 * is every key of the patch; one an editor may change would be left out here.
 */
export const OWNER_ONLY_SETTINGS = ['name', 'timezone', 'currency', 'alerts', 'privacy'] as const satisfies readonly (keyof WorkspacePatch)[]

/** The owner-only keys a patch changes, in the order above. */
export const ownerOnlyChanges = (patch: WorkspacePatch) => OWNER_ONLY_SETTINGS.filter((key) => patch[key] !== undefined)

export const ApiKeyFormSchema = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Give the key a name').max(100, 'Use at most 100 characters'),
})
