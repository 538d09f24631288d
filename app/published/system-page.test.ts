import { expect, test } from 'vitest'
import { SYSTEM_MESSAGES, systemTitleFor } from './system-messages'
import { renderSystemPage } from './system-page'

test('a system page is a published-looking document: language, title, heading, sentence, status', () => {
  const html = renderSystemPage(404, SYSTEM_MESSAGES.notFound)
  expect(html).toMatch(/^<!doctype html><html lang="en"><head>/)
  expect(html).toContain('<meta name="robots" content="noindex">')
  expect(html).toContain(`<h1>Page not found</h1><p class="sf-lead">${SYSTEM_MESSAGES.notFound.text}</p>`)
  expect(html).toContain('<div class="sf-page" data-system-page="404">')
})

test('text is escaped; a message without a heading gets one from its status', () => {
  expect(renderSystemPage(400, { title: systemTitleFor(400), text: '<b>5 & 6</b>' })).toContain('<h1>We could not take your submission</h1><p class="sf-lead">&lt;b&gt;5 &amp; 6&lt;/b&gt;</p>')
  expect(systemTitleFor(429)).toBe('Please wait a moment')
  expect(systemTitleFor(503)).toBe('Something went wrong on our side')
})
