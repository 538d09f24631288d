import { z } from 'zod'

// Shared by the browser (react-hook-form) and the actions: one schema per form.
export const EmailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .min(1, 'Email is required')
  .max(254, 'Email is too long')
  .pipe(z.email('Enter a valid email address'))
  .transform((e) => e.toLowerCase())

export const PasswordSchema = z.string({ error: 'Password is required' }).min(10, 'Use at least 10 characters').max(200, 'Use at most 200 characters')

export const NameSchema = z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(100, 'Use at most 100 characters')

export const SignupSchema = z.object({
  name: NameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  // Absent when joining through an invite: the invite names the workspace.
  workspaceName: z.string().trim().max(100, 'Use at most 100 characters').optional(),
  inviteToken: z.string().max(200).optional(),
  // What the browser says (app/workspaces/browser-calendar.tsx), for the new workspace's calendar and currency:
  // a guess, so anything unreadable falls back to UTC rather than refusing the sign-up.
  timeZone: z.string().max(100).optional(),
  locale: z.string().max(100).optional(),
})
export type Signup = z.infer<typeof SignupSchema>

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(200),
  // Any text: a target that is not a same-site path is ignored (app/auth/redirect-target.ts), never refused.
  redirectTo: z.string().optional(),
})
export type Login = z.infer<typeof LoginSchema>

const PasswordChangeFields = z.object({
  currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(200),
  newPassword: PasswordSchema,
  confirmPassword: z.string({ error: 'Repeat the new password' }).min(1, 'Repeat the new password').max(200),
})

function checkPasswordChange(v: z.infer<typeof PasswordChangeFields>, ctx: z.RefinementCtx) {
  if (v.newPassword !== v.confirmPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The two new passwords differ' })
  if (v.newPassword === v.currentPassword) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'Choose a password different from the current one' })
}

export const PasswordChangeSchema = PasswordChangeFields.superRefine(checkPasswordChange)
export type PasswordChange = z.infer<typeof PasswordChangeSchema>

/** The same, as one intent of a settings form that posts several. */
export const PasswordChangeIntentSchema = PasswordChangeFields.extend({ intent: z.literal('changePassword') }).superRefine(checkPasswordChange)

export const ForgotPasswordSchema = z.object({ email: EmailSchema })
export type ForgotPassword = z.infer<typeof ForgotPasswordSchema>

// The same password rules as sign-up (PasswordSchema).
export const ResetPasswordSchema = z
  .object({
    newPassword: PasswordSchema,
    confirmPassword: z.string({ error: 'Repeat the new password' }).min(1, 'Repeat the new password').max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ' })
export type ResetPassword = z.infer<typeof ResetPasswordSchema>
