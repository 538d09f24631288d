import { randomBytes } from 'node:crypto'

// The Content-Security-Policy of every page the app renders (admin, login, calculators); published pages
// (/p/…) have their own (app/published/compile.server.tsx) and the JSON API needs none. Scripts come only from this
// origin, and the few inline ones Remix writes (context, route modules, scroll restoration, streamed data)
// carry a nonce that is new for every response, so script injected into a page cannot run even where escaping
// or sanitising failed. docs/decisions/005-admin-csp-and-sanitise-on-save.md says why each source is there.

/** A fresh nonce: 128 random bits, base64, as CSP Level 3 asks. */
export function createCspNonce() {
  return randomBytes(16).toString('base64')
}

export function adminContentSecurityPolicy({ nonce, isDev }: { nonce: string; isDev: boolean }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Puck injects <style> elements while it runs (and mirrors the page's styles into its canvas iframe), and
    // React writes style attributes (chart heights, progress bars): neither can carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    // The editor's canvas shows the images and videos a page will show: any https image, the two video players.
    "img-src 'self' https: data:",
    "font-src 'self' data:",
    // Dev only: Vite's HMR websocket listens on a port of its own (24678) in middleware mode.
    isDev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')
}

/** Sets the admin pages' CSP (with `nonce`) and the clickjacking header for browsers without frame-ancestors. */
export function setAdminSecurityHeaders(headers: Headers, { nonce, isDev }: { nonce: string; isDev: boolean }) {
  headers.set('Content-Security-Policy', adminContentSecurityPolicy({ nonce, isDev }))
  headers.set('X-Frame-Options', 'DENY')
}
