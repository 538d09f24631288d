import { expect, test } from 'vitest'
import { BODY_LIMITS, bodyLimitFor } from './body-limits'
import { urlProblem } from './request-guard.server'

test('a NUL in a query parameter is named; malformed escapes in the query are harmless', () => {
  expect(urlProblem('/api/v1/leads', 'q=a%00')).toEqual({ label: 'Query parameter "q"', param: 'q', message: expect.stringMatching(/NUL/) })
  expect(urlProblem('/leads', 'a%00b=1')?.param).toBe('a\ufffdb')
  expect(urlProblem('/leads', 'q=%ED%A0%80&r=%E0%A4%A&s=%')).toBeNull()
  expect(urlProblem('/leads', 'q=caf%C3%A9')).toBeNull()
})

test('a path segment with NUL or broken percent-encoding is named', () => {
  expect(urlProblem('/api/v1/pages/1/variants/A%00', '')).toEqual({ label: 'URL path segment "A%00"', message: expect.stringMatching(/NUL/) })
  expect(urlProblem('/p/x%ED%A0%80', '')?.message).toMatch(/percent-encoded/)
  expect(urlProblem('/pages/caf%C3%A9', '')).toBeNull()
})

test('body limits by route', () => {
  expect(bodyLimitFor('/login', 'application/x-www-form-urlencoded')).toBe(BODY_LIMITS.form)
  expect(bodyLimitFor('/api/v1/leads', 'application/json')).toBe(BODY_LIMITS.json)
  expect(bodyLimitFor('/api/v1/pages/abc/variants/B', 'application/json')).toBe(BODY_LIMITS.draftJson)
  expect(bodyLimitFor('/forms/abc', 'multipart/form-data; boundary=x')).toBe(BODY_LIMITS.upload)
  expect(bodyLimitFor('/forms/abc', 'application/x-www-form-urlencoded')).toBe(BODY_LIMITS.documentForm)
  expect(bodyLimitFor('/editor/abc/A', null)).toBe(BODY_LIMITS.documentForm)
  expect(bodyLimitFor('/forms', null)).toBe(BODY_LIMITS.form)
})
