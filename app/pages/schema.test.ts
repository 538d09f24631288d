import { expect, test } from 'vitest'
import { CreatePageSchema, nextVariantKey, PageSettingsSchema, DEFAULT_PAGE_SETTINGS, SlugSchema } from './schema'

test('variant keys run A, B, … Z, AA', () => {
  expect(nextVariantKey(['A'])).toBe('B')
  expect(nextVariantKey(['A', 'C'])).toBe('D')
  expect(nextVariantKey(['Z'])).toBe('AA')
  expect(nextVariantKey([])).toBe('A')
})

test('slugs are lowercase words joined by single hyphens', () => {
  expect(SlugSchema.safeParse('spring-webinar-2026').success).toBe(true)
  for (const bad of ['Spring', 'a--b', '-a', 'a-', 'a b', '', 'ä', 'x'.repeat(61)]) expect(SlugSchema.safeParse(bad).success, bad).toBe(false)
})

test('page settings accept only safe URLs', () => {
  expect(PageSettingsSchema.safeParse(DEFAULT_PAGE_SETTINGS).success).toBe(true)
  const evil = { ...DEFAULT_PAGE_SETTINGS, socialImage: 'javascript:alert(1)' }
  expect(PageSettingsSchema.safeParse(evil).success).toBe(false)
  expect(PageSettingsSchema.safeParse({ ...DEFAULT_PAGE_SETTINGS, favicon: '//evil.test/x.ico' }).success).toBe(false)
})

test('creating a page names the bad field', () => {
  const result = CreatePageSchema.safeParse({ name: '', slug: 'Bad Slug', template: 'nope' })
  expect(result.success).toBe(false)
  const paths = result.error!.issues.map((i) => i.path.join('.'))
  expect(paths).toEqual(expect.arrayContaining(['name', 'slug', 'template']))
})
