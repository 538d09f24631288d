import { z } from 'zod'
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

/** The settings screen's form: every field sent, each checked as the API checks it. */
export const WorkspaceSettingsFormSchema = z.object({
  name: WorkspaceNameSchema.shape.name,
  timezone: TimeZoneSchema,
  currency: CurrencySchema,
})

/**
 * PATCH /api/v1/workspace and the settings screen: each key optional, unknown keys refused by name. One key per
 * group of settings; `privacy` (issue 19) is an object of its own, merged into what is stored.
 */
export const WorkspacePatchSchema = z
  .strictObject({
    name: WorkspaceNameSchema.shape.name.optional(),
    timezone: TimeZoneSchema.optional(),
    currency: CurrencySchema.optional(),
    privacy: PrivacyPatchSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one of name, timezone, currency, privacy')
export type WorkspacePatch = z.infer<typeof WorkspacePatchSchema>

export const ApiKeyFormSchema = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Give the key a name').max(100, 'Use at most 100 characters'),
})
