import { isbot } from 'isbot'

// Who is counted as a visitor. Everyone is served; only real, human, deliberate views by people outside the
// workspace become page views (and, with experiments, exposures).

export type CountableInput = {
  method: string | undefined
  userAgent: string | undefined
  /** Sec-Purpose (current browsers) or Purpose (older ones): prefetch and prerender are not visits. */
  purpose: string | undefined
  isPreview: boolean
  /** A signed-in member looking at their own page. */
  hasSession: boolean
}

export function isCountableView({ method, userAgent, purpose, isPreview, hasSession }: CountableInput) {
  if (method !== 'GET' || isPreview || hasSession) return false
  if (purpose && /prefetch|prerender/i.test(purpose)) return false
  return !isbot(userAgent ?? '')
}
