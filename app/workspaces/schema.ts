import { z } from 'zod'
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

export const ApiKeyFormSchema = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Give the key a name').max(100, 'Use at most 100 characters'),
})
