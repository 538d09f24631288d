import { allowsPrivateCmpOrigins } from '#app/env.server'
import type { Cmp } from '#app/privacy/cmp'
import { isVisiblyPrivateUrl } from '#app/webhooks/target.server'

// The server half of checking a workspace's consent tool (decision 095): a published page is public, so what it
// loads must be reachable by every visitor over https. A loopback or private host (or a one-word intranet name)
// and plain http are refused unless the operator allows them (CMP_PRIVATE_ORIGINS=allow; the default outside
// production, so a CMP on the developer's machine or the e2e's own server works).

const isIntranetName = (url: string) => !new URL(url).hostname.includes('.')

const API_FIELDS = { scriptUrl: 'privacy.cmp.scriptUrl', origins: 'privacy.cmp.origins' }

/** Errors by field (the API's names unless told) for a CMP whose addresses a page may not load; else null. */
export function checkCmpTargets(cmp: Cmp | null | undefined, { fields = API_FIELDS, allowPrivate = allowsPrivateCmpOrigins() } = {}): Record<string, string[]> | null {
  if (!cmp || allowPrivate) return null
  const isHttp = (url: string) => !url.startsWith('https://')
  const isPrivate = (url: string) => isVisiblyPrivateUrl(url) || isIntranetName(url)
  const errors: Record<string, string[]> = {}
  const script = cmp.scriptUrl
  if (isHttp(script)) errors[fields.scriptUrl] = ['Use an https:// URL']
  else if (isPrivate(script)) errors[fields.scriptUrl] = ['Use a public host: visitors cannot reach private and local addresses']
  // Each origin named, in words the settings screen finds in its catalogue.
  const origins = (cmp.origins ?? []).flatMap((origin) =>
    isHttp(origin) ? [`${origin}: Use an https:// URL`] : isPrivate(origin) ? [`${origin}: Use a public host: visitors cannot reach private and local addresses`] : [],
  )
  if (origins.length > 0) errors[fields.origins] = origins
  return Object.keys(errors).length > 0 ? errors : null
}
