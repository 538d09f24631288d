const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const CROSS_SITE_MESSAGE = 'Cross-site request refused (CSRF protection). Reload the page and try again.'

/**
 * True for a state-changing request that a browser sent from another site.
 *
 * Browsers attach `Origin` to every cross-origin POST and `Sec-Fetch-Site` to every request, and a forged
 * form on another site can set neither. SameSite=Lax cookies already stop most forgeries; this closes the
 * rest (old browsers, sibling subdomains). A request with neither header did not come from a browser, so
 * it carries no ambient cookie to abuse.
 */
export function isCrossSiteRequest({ method, origin, fetchSite, host }: { method: string; origin: string | null | undefined; fetchSite: string | null | undefined; host: string | null | undefined }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true
  if (!origin) return false
  if (origin === 'null') return true
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

/** Throws 403 for a cross-site state-changing request (see isCrossSiteRequest). */
export function assertSameOrigin(request: Request) {
  const cross = isCrossSiteRequest({
    method: request.method,
    origin: request.headers.get('Origin'),
    fetchSite: request.headers.get('Sec-Fetch-Site'),
    host: new URL(request.url).host,
  })
  if (cross) throw new Response(CROSS_SITE_MESSAGE, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
