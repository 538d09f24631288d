import { expect, test } from 'vitest'
import { describePath, listErrors } from './error-summary'

test('lists every message in nested errors with its path, skipping DOM refs', () => {
  const input = { tagName: 'INPUT' }
  const errors = {
    name: { type: 'too_small', message: 'Name is required', ref: input },
    fields: [undefined, { key: { message: 'Use lowercase', ref: input }, options: { root: { message: 'Add at least one option' } } }],
    steps: { message: 'A multi-step form needs at least 2 steps' },
  }
  expect(listErrors(errors as never)).toEqual([
    { path: 'name', message: 'Name is required' },
    { path: 'fields.1.key', message: 'Use lowercase' },
    { path: 'fields.1.options', message: 'Add at least one option' },
    { path: 'steps', message: 'A multi-step form needs at least 2 steps' },
  ])
})

test('names places in the marketer’s words, counting from 1', () => {
  const values = {
    fields: [
      { key: 'email', label: 'Work email' },
      { key: 'size', label: '' },
    ],
  }
  expect(describePath('fields.0.key', values as never)).toBe('Field 1 (Work email) › key')
  expect(describePath('fields.1.options.0.value', values as never)).toBe('Field 2 (size) › options › 1 › value')
  expect(describePath('steps.1.title', values as never)).toBe('Step 2 › title')
  expect(describePath('success.url', values as never)).toBe('success.url')
})
