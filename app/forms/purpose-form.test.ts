import { expect, test } from 'vitest'
import { choosePurposeForm } from '#app/forms/purpose-form'

const at = (day: number) => new Date(Date.UTC(2026, 11, day))

test('reuses the workspace’s form of the purpose changed last, never an archived one or one of another purpose', () => {
  const forms = [
    { id: 'old', purpose: 'event_registration', archivedAt: null, updatedAt: at(1) },
    { id: 'recent', purpose: 'event_registration', archivedAt: null, updatedAt: at(3) },
    { id: 'archived', purpose: 'event_registration', archivedAt: at(5), updatedAt: at(5) },
    { id: 'demo', purpose: 'demo_request', archivedAt: null, updatedAt: at(9) },
  ]
  expect(choosePurposeForm(forms, 'event_registration')).toBe('recent')
  expect(choosePurposeForm(forms, 'demo_request')).toBe('demo')
})

test('none of the purpose (or only archived ones): null, so a new one is made', () => {
  expect(choosePurposeForm([], 'quote_request')).toBeNull()
  expect(choosePurposeForm([{ id: 'a', purpose: 'quote_request', archivedAt: at(2), updatedAt: at(2) }], 'quote_request')).toBeNull()
})

test('reuses only a form in the wanted language; one without a language is English', () => {
  const forms = [
    { id: 'english-old', purpose: 'demo_request', archivedAt: null, updatedAt: at(1) },
    { id: 'english', purpose: 'demo_request', locale: 'en', archivedAt: null, updatedAt: at(2) },
    { id: 'swedish', purpose: 'demo_request', locale: 'sv', archivedAt: null, updatedAt: at(3) },
    { id: 'danish-archived', purpose: 'demo_request', locale: 'da', archivedAt: at(4), updatedAt: at(4) },
  ]
  expect(choosePurposeForm(forms, 'demo_request', 'en')).toBe('english')
  expect(choosePurposeForm(forms.slice(0, 1), 'demo_request')).toBe('english-old')
  expect(choosePurposeForm(forms, 'demo_request', 'sv')).toBe('swedish')
  expect(choosePurposeForm(forms, 'demo_request', 'da')).toBeNull()
})
