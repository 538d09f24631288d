import { describe, expect, test } from 'vitest'
import { explainLostLogin } from './cookie-check'

describe('explainLostLogin', () => {
  const host = '192.168.1.20:3000'

  test('plain http: the browser refused the cookie; says how to serve over HTTPS or use localhost', () => {
    const { title, steps } = explainLostLogin({ state: 'absent', https: null, host })
    expect(title).toMatch(/did not keep the login cookie/)
    expect(steps.join(' ')).toMatch(/refusing cookies for 192\.168\.1\.20:3000/)
    expect(steps.join(' ')).toMatch(/TRUST_PROXY/)
    expect(steps.join(' ')).toMatch(/http:\/\/localhost/)
  })

  test('on localhost it does not suggest localhost', () => {
    const { steps } = explainLostLogin({ state: 'absent', https: null, host: 'localhost:3000' })
    expect(steps.join(' ')).toMatch(/refusing cookies for localhost:3000/)
    expect(steps.join(' ')).not.toMatch(/open it as http:\/\/localhost/)
  })

  test('https reported by a trusted proxy: open the https address or unset TRUST_PROXY', () => {
    const { steps } = explainLostLogin({ state: 'absent', https: 'proxy', host })
    expect(steps.join(' ')).toMatch(/open https:\/\/192\.168\.1\.20:3000 instead/)
    expect(steps.join(' ')).toMatch(/unset TRUST_PROXY/)
  })

  test('a direct TLS connection: cookies are blocked in the browser', () => {
    expect(explainLostLogin({ state: 'absent', https: 'tls', host }).steps[0]).toMatch(/Allow cookies for 192\.168\.1\.20:3000/)
  })

  test('a cookie signed elsewhere points at SESSION_SECRET; an ended session says so', () => {
    expect(explainLostLogin({ state: 'unverifiable', https: null, host }).steps[0]).toMatch(/same SESSION_SECRET/)
    expect(explainLostLogin({ state: 'ended', https: 'tls', host }).title).toMatch(/session ended/)
  })
})
