/**
 * zod issues as `{ "variants.1.conversions": ["message"] }`: the shape of every API 400, and what forms
 * use to put a message next to the field it is about. No server imports: both sides use it.
 */
export function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  const errors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : 'root' // as react-hook-form names it
    ;(errors[key] ??= []).push(issue.message)
  }
  return errors
}
