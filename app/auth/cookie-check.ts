// After a login the browser is sent to /login?check=1 before its destination. If it comes back without a live
// session, the login did not stick, and instead of a silent bounce to the login form the page says why and what
// to do. What the server knows decides which explanation fits.

export type SessionCookieState = 'absent' | 'unverifiable' | 'ended'
export type CookieCheckInput = {
  state: SessionCookieState
  /** How the server judged the request (app/http/secure-cookies.server.ts): Secure cookies, and why. */
  https: 'tls' | 'proxy' | null
  host: string
}

export function explainLostLogin({ state, https, host }: CookieCheckInput): { title: string; steps: string[] } {
  if (state === 'unverifiable') {
    return {
      title: 'Your login cookie came back, but this server cannot verify it.',
      steps: [
        'It was signed with a different SESSION_SECRET: every app process behind the same address must be started with the same SESSION_SECRET.',
        'After fixing the configuration, log in again.',
      ],
    }
  }
  if (state === 'ended') {
    return { title: 'Your session ended right after you logged in.', steps: ['It was logged out from another browser, or it expired. Log in again.'] }
  }
  if (https === 'proxy') {
    return {
      title: 'You logged in, but your browser did not send the login cookie back.',
      steps: [
        'The cookie is marked Secure because a trusted proxy reported HTTPS (X-Forwarded-Proto, with TRUST_PROXY set), and browsers send Secure cookies only over HTTPS.',
        `If you opened this page over http, open https://${host} instead.`,
        'If no HTTPS proxy stands in front of the server, unset TRUST_PROXY.',
      ],
    }
  }
  if (https === 'tls') {
    return {
      title: 'You logged in, but your browser did not send the login cookie back.',
      steps: [`Allow cookies for ${host} in your browser's settings, and open Splitform in its own tab rather than inside another site.`],
    }
  }
  const isLocal = /^(localhost|127\.|\[::1\])/.test(host)
  return {
    title: 'You logged in, but your browser did not keep the login cookie.',
    steps: [
      `This page came over plain http, so the cookie is not marked Secure and should have been kept: your browser is refusing cookies for ${host}. Allow them, and open Splitform in its own tab rather than inside another site.`,
      isLocal
        ? 'If this server will be reached from other machines, serve it over HTTPS: behind a TLS proxy, start it with TRUST_PROXY so it knows.'
        : 'Better still, serve Splitform over HTTPS: behind a TLS proxy, start it with TRUST_PROXY so it knows. For a trial on your own machine, open it as http://localhost.',
    ],
  }
}
