import { z } from 'zod'
import { CONVERSION_TYPES, PURPOSE_IDS } from './purposes'

// The admin screens' own form inputs (the definition itself is definition.ts). No server imports.

export const FormNameSchema = z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120, 'Use at most 120 characters')

/** "New form": a name and a purpose; the conversion type is the purpose's preset unless the marketer picks one. */
export const NewFormSchema = z.object({
  name: FormNameSchema,
  purpose: z.enum(PURPOSE_IDS, { error: 'Choose a purpose' }),
  conversionType: z.union([z.enum(CONVERSION_TYPES), z.literal('')], { error: 'Choose soft, hard or the preset' }).optional(),
})
export type NewForm = z.infer<typeof NewFormSchema>
