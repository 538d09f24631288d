import { readSignedToken, signToken } from '#app/http/signed-token.server'
import type { ServedExperiment } from '#app/experiments/serving.server'

// A view counted cookieless (app/visitors/consent.ts) has no cookie to tie the visitor's form post to the variant
// they saw. The page carries it instead: each form of that view holds, in `_x`, the experiment, the variant and the
// view's own id, signed with the app's secret (app/http/signed-token.server.ts). A post with an intact token is
// counted for that view and variant; a forged or altered one (or a bare `_variant`) never moves a conversion.
// It does not expire: the view it names was exposed, and a replay of it counts once per metric (the experiment
// conversion's key is the view id). Decision 083.

const PURPOSE = 'exposure'

export type ExposureToken = { experimentId: string; variantKey: string; viewId: string }
type Payload = { e: string; v: string; i: string }

export function issueExposureToken({ experimentId, variantKey, viewId }: ExposureToken) {
  return signToken(PURPOSE, { e: experimentId, v: variantKey, i: viewId } satisfies Payload)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The exposure a posted `_x` names, when it is intact and names a variant of the experiment the page serves now; else null. */
export function readExposureToken(value: unknown, experiment: ServedExperiment | null): ExposureToken | null {
  if (!experiment || typeof value !== 'string' || value === '') return null
  const payload = readSignedToken<Payload>(PURPOSE, value)
  if (!payload || payload.e !== experiment.id || typeof payload.i !== 'string' || !UUID.test(payload.i)) return null
  if (!experiment.variants.some((v) => v.key === payload.v)) return null
  return { experimentId: payload.e, variantKey: payload.v, viewId: payload.i }
}
