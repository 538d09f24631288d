import { allowsPrivateCmpOrigins, extraCmpHosts } from '#app/env.server'
import type { Cmp } from '#app/privacy/cmp'
import { CMP_VENDOR_NAMES, isAllowedCmpHost, UNKNOWN_CMP_HOST } from '#app/privacy/cmp-vendors'
import type { PrivacySettings } from '#app/privacy/settings'
import { isVisiblyPrivateUrl } from '#app/webhooks/target.server'

// The server half of checking a workspace's consent tool (decisions 095 and 097). Published pages share the admin
// app's origin, so what they load runs with the session of whoever opens them: every host must be a known
// consent-tool vendor's (app/privacy/cmp-vendors.ts) or one the operator allows (CMP_ALLOWED_HOSTS). A page is
// public, so what it loads must also be reachable by every visitor over https: a loopback or private host (or a
// one-word intranet name) and plain http are refused unless the operator allows them (CMP_PRIVATE_ORIGINS=allow;
// the default outside production, so a CMP on the developer's machine or the e2e's own server works).

const isIntranetName = (url: string) => !new URL(url).hostname.includes('.')

const API_FIELDS = { scriptUrl: 'privacy.cmp.scriptUrl', origins: 'privacy.cmp.origins' }

type CheckOptions = { fields?: typeof API_FIELDS; allowPrivate?: boolean; allowedHosts?: readonly string[] }

// What each problem says of the script and of an origin (named), written out so the settings screen finds them in
// its catalogue (privacySettings.validation).
const PROBLEMS = {
  http: { script: 'Use an https:// URL', origin: (origin: string) => `${origin}: Use an https:// URL` },
  private: {
    script: 'Use a public host: visitors cannot reach private and local addresses',
    origin: (origin: string) => `${origin}: Use a public host: visitors cannot reach private and local addresses`,
  },
  unknown: {
    script: UNKNOWN_CMP_HOST,
    origin: (origin: string) => `${origin}: Use the address of a known consent tool (${CMP_VENDOR_NAMES}); the operator of this Splitform can allow other hosts with CMP_ALLOWED_HOSTS`,
  },
}

/** Errors by field (the API's names unless told) for a CMP whose addresses a page may not load; else null. */
export function checkCmpTargets(
  cmp: Cmp | null | undefined,
  { fields = API_FIELDS, allowPrivate = allowsPrivateCmpOrigins(), allowedHosts = extraCmpHosts() }: CheckOptions = {},
): Record<string, string[]> | null {
  if (!cmp) return null
  const problemOf = (url: string): keyof typeof PROBLEMS | null => {
    if (!allowPrivate && !url.startsWith('https://')) return 'http'
    if (!allowPrivate && (isVisiblyPrivateUrl(url) || isIntranetName(url))) return 'private'
    return isAllowedCmpHost(url, allowedHosts) ? null : 'unknown'
  }
  const errors: Record<string, string[]> = {}
  const script = problemOf(cmp.scriptUrl)
  if (script) errors[fields.scriptUrl] = [PROBLEMS[script].script]
  const origins = (cmp.origins ?? []).flatMap((origin) => {
    const problem = problemOf(origin)
    return problem ? [PROBLEMS[problem].origin(origin)] : []
  })
  if (origins.length > 0) errors[fields.origins] = origins
  return Object.keys(errors).length > 0 ? errors : null
}

const warnedWorkspaces = new Set<string>()

/**
 * The privacy settings a published page is built with (decision 097): a stored consent tool that today's rules
 * refuse (the operator narrowed CMP_ALLOWED_HOSTS or denied private hosts since it was saved) is left out, so the
 * page carries no tag and the fixed CSP; the server warns once per workspace and tool.
 */
export function servablePrivacy(privacy: PrivacySettings, workspaceId: string): PrivacySettings {
  if (!privacy.cmp) return privacy
  const refused = checkCmpTargets(privacy.cmp)
  if (!refused) return privacy
  const key = `${workspaceId} ${privacy.cmp.scriptUrl}`
  if (!warnedWorkspaces.has(key)) {
    warnedWorkspaces.add(key)
    console.warn(`[privacy] workspace ${workspaceId}: its consent tool (${privacy.cmp.scriptUrl}) is not served: ${Object.values(refused).flat().join('; ')}`)
  }
  return { ...privacy, cmp: null }
}
