// Where to send someone after login, sign-up or an invite: only a path on this site. The value arrives in a
// link anyone can craft (`/login?redirectTo=…`), so it is checked as text first and then as a URL:
// - URL parsers drop tabs and newlines and read `\` as `/`, so `/\t/evil.example` or `/\evil.example` become
//   `//evil.example`, another host. Such characters are refused outright, before any parsing.
// - Control, format and separator characters (C* and Z* in Unicode: CR/LF, NUL, U+2028, bidi overrides, lone
//   surrogates…) are refused too: they cannot be put in a Location header (the 500 of issue 14) and have no
//   business in a path of ours.
// - What passes is resolved against a dummy origin and must stay on it, with a path that still starts with a
//   single slash after dot segments are folded (`/..//evil.example`); the result is the URL's own
//   serialisation (percent-encoded ASCII), so the Location header always holds a valid value.
// A refused target is ignored: the caller's fallback is used, never an error.

const BASE = 'http://redirect-target.invalid'
const FORBIDDEN = /[\\\p{C}\p{Z}]/u
const MAX_LENGTH = 2000

/** `value` when it is a same-origin path (normalised), else `fallback`. */
export function safeRedirectTarget(value: unknown, fallback = '/dashboard'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return fallback
  // One leading slash, then not a second one: `//host` and `/\host` are scheme-relative.
  if (value[0] !== '/' || value[1] === '/' || FORBIDDEN.test(value)) return fallback
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return fallback
  }
  // Dot segments can fold `/..//host` into `//host`: the normalised path must not be scheme-relative either.
  if (url.origin !== BASE || url.pathname.startsWith('//')) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

/**
 * Where a login or sign-up sends the browser: the login page's cookie check first, which goes on to `target`
 * when the session cookie came back and explains what went wrong when it did not (app/auth/cookie-check.ts).
 */
export function loginCheckUrl(target: string) {
  return `/login?${new URLSearchParams({ check: '1', redirectTo: target })}`
}
