import { expect, test } from 'vitest'
import { addCatalogue, hasCatalogue, translatorFor } from '#app/i18n/i18n'

test('a language whose catalogue is not in hand reads English, and its own words once the catalogue is added', () => {
  // A made-up language, so no other test's catalogue (the server's Swedish) is in play.
  expect(hasCatalogue('x-test')).toBe(false)
  expect(translatorFor('x-test').t('settings.save')).toBe('Save')
  addCatalogue('x-test', { settings: { save: 'Spara (test)' } })
  expect(hasCatalogue('x-test')).toBe(true)
  expect(translatorFor('x-test').t('settings.save')).toBe('Spara (test)')
  // Underneath every language is English: a key the catalogue lacks reads English.
  expect(translatorFor('x-test').t('settings.saved')).toBe('Saved.')
})
