import { expect, test } from 'vitest'
import { findUnsafeEntry, findUnsafeJson, MAX_JSON_DEPTH, replaceUnsafeText, unsafeTextProblem } from './unsafe-text'

test('NUL and lone surrogates are unsafe; pairs, emoji and other control characters are not', () => {
  expect(unsafeTextProblem('a\u0000b')).toMatch(/NUL/)
  expect(unsafeTextProblem('\ud800')).toMatch(/surrogate/)
  expect(unsafeTextProblem('x\udc00')).toMatch(/surrogate/)
  expect(unsafeTextProblem('\udc00\ud800')).toMatch(/surrogate/) // reversed pair
  expect(unsafeTextProblem('😀 𝕏 \u0007 \u202e')).toBeNull()
  expect(unsafeTextProblem('a\u0000', { allowNul: true })).toBeNull()
  expect(unsafeTextProblem('a\ud800', { allowNul: true })).toMatch(/surrogate/)
  expect(replaceUnsafeText('a\u0000b\ud800😀')).toBe('a\ufffdb\ufffd😀')
})

test('the first unsafe value in a JSON document is named by its path, in document order', () => {
  expect(findUnsafeJson({ name: 'ok', draft: { content: [{ props: { title: 'fine' } }, { props: { title: 'x\ud800' } }] }, z: '\u0000' })).toEqual({
    path: 'draft.content.1.props.title',
    message: expect.stringMatching(/surrogate/),
  })
  expect(findUnsafeJson({ ['a\u0000b']: 1 })).toEqual({ path: 'a\ufffdb', message: expect.stringMatching(/^Its name contains a NUL/) })
  expect(findUnsafeJson('\u0000')?.path).toBe('root')
  expect(findUnsafeJson({ a: [1, true, null, 'ok'] })).toBeNull()
})

test('nesting past the limit is refused without recursion, however deep', () => {
  let deep: unknown = 'leaf'
  for (let i = 0; i < 100_000; i++) deep = [deep]
  expect(findUnsafeJson(deep)).toEqual({ path: Array(MAX_JSON_DEPTH).fill('0').join('.'), message: expect.stringMatching(/Nested too deeply/) })
  let ok: unknown = 'leaf'
  for (let i = 0; i < MAX_JSON_DEPTH; i++) ok = { a: ok }
  expect(findUnsafeJson(ok)).toBeNull()
})

test('form entries: names, values and file names', () => {
  expect(
    findUnsafeEntry([
      ['name', 'Ada'],
      ['note', 'x\u0000'],
    ]),
  ).toEqual({ path: 'note', message: expect.stringMatching(/NUL/) })
  expect(findUnsafeEntry([['n\u0000', 'x']])?.path).toBe('n\ufffd')
  expect(findUnsafeEntry([['file', new File(['x'], 'a\u0000.pdf')]])?.path).toBe('file')
  expect(findUnsafeEntry([['tags', ['a', 'b']]])).toBeNull()
})
