import { readSignedToken, signToken } from '#app/http/signed-token.server'
import type { ServedForm } from '#app/published/load.server'
import { createDownloadLink } from '#app/assets/download-link.server'

// After a no-JS submission the visitor is sent (303) to the page with `?sf_done=<token>`, which shows the form's
// success state. The token names the form and the conversion (null for a submission held as spam) and expires,
// so the thank-you state (and its download link) cannot be reached without submitting.

const PURPOSE = 'form-done'
const TTL_MS = 60 * 60 * 1000

export type DoneToken = { formId: string; conversionId: string | null }
type Payload = { f: string; c: string | null; x: number }

export function issueDoneToken({ formId, conversionId }: DoneToken, now = Date.now()) {
  return signToken(PURPOSE, { f: formId, c: conversionId, x: now + TTL_MS } satisfies Payload)
}

export function readDoneToken(value: string | null, now = Date.now()): DoneToken | null {
  const payload = readSignedToken<Payload>(PURPOSE, value)
  if (!payload || typeof payload.f !== 'string' || typeof payload.x !== 'number' || payload.x < now) return null
  return { formId: payload.f, conversionId: typeof payload.c === 'string' ? payload.c : null }
}

/** The expiring download link an asset form hands out, for a stored (not spam) conversion. */
export function successDownloadUrl(workspaceId: string, form: Pick<ServedForm, 'id' | 'definition'>, done: DoneToken) {
  const success = form.definition.success
  if (success.type !== 'asset' || !done.conversionId) return null
  const asset = 'assetId' in success && success.assetId ? { id: success.assetId } : { url: success.assetUrl! }
  return createDownloadLink({ workspaceId, formId: form.id, conversionId: done.conversionId, asset })
}
