import { createHash, randomBytes } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { getEnv } from '#app/env.server'
import { isSecureRequest } from '#app/http/secure-cookies.server'

// A "device cookie" (OWASP's answer to lockout abuse): set by a successful login, it tells the login throttle
// that this browser logged into this account before, so it is held to its own counter instead of the ones a
// stranger can fill (app/auth/login-throttle.ts). Signed with SESSION_SECRET, so it cannot be forged; it names
// the account by a hash of its email, so it neither reveals the email nor needs a database read. It grants
// nothing else: the password is still checked.

const DEVICE_DAYS = 365
type DeviceValue = { d: string; a: string }

let deviceCookie: ReturnType<typeof createCookie> | undefined
function getDeviceCookie() {
  deviceCookie ??= createCookie('sf_device', {
    secrets: [getEnv().sessionSecret],
    httpOnly: true,
    sameSite: 'lax',
    path: '/login',
    maxAge: DEVICE_DAYS * 24 * 3600,
  })
  return deviceCookie
}

const accountTag = (email: string) => createHash('sha256').update(`device-account:${email}`).digest('base64url').slice(0, 22)

/** The id of this browser when it logged into `email`'s account before, else null. */
export async function readTrustedDevice(request: Request, email: string): Promise<string | null> {
  const value = (await getDeviceCookie()
    .parse(request.headers.get('Cookie'))
    .catch(() => null)) as DeviceValue | null
  if (!value || typeof value !== 'object' || typeof value.d !== 'string' || value.a !== accountTag(email)) return null
  return value.d
}

/** The Set-Cookie header that marks this browser as known to `email`'s account (a fresh id each login). */
export function deviceCookieFor(request: Request, email: string) {
  const value: DeviceValue = { d: randomBytes(16).toString('base64url'), a: accountTag(email) }
  return getDeviceCookie().serialize(value, { secure: isSecureRequest(request) })
}
