import { expect, test } from 'vitest'
import { systemMessages } from './system-messages'
import { renderSystemPage } from './system-page'

const english = systemMessages('en')

test('a system page is a published-looking document: language, title, heading, sentence, status', () => {
  const html = renderSystemPage(404, english.notFound, 'en')
  expect(html).toMatch(/^<!doctype html><html lang="en"><head>/)
  expect(html).toContain('<meta name="robots" content="noindex">')
  expect(html).toContain(`<h1>Page not found</h1><p class="sf-lead">${english.notFound.text}</p>`)
  expect(html).toContain('<div class="sf-page" data-system-page="404">')
})

test('text is escaped; a message without a heading gets one from its status', () => {
  expect(renderSystemPage(400, { title: english.titleFor(400), text: '<b>5 & 6</b>' }, 'en')).toContain('<h1>We could not take your submission</h1><p class="sf-lead">&lt;b&gt;5 &amp; 6&lt;/b&gt;</p>')
  expect(english.titleFor(429)).toBe('Please wait a moment')
  expect(english.titleFor(503)).toBe('Something went wrong on our side')
})

test('a system page speaks the language it is given, numbers written its way', () => {
  const swedish = systemMessages('sv')
  expect(renderSystemPage(404, swedish.notFound, 'sv')).toMatch(/^<!doctype html><html lang="sv">[\s\S]*<h1>Sidan hittades inte<\/h1>/)
  expect(swedish.titleFor(429)).toBe('Vänta en stund')
  expect(systemMessages('de').tooManySubmissions(1200)).toBe('Zu viele Übermittlungen aus Ihrem Netzwerk. Bitte versuchen Sie es in 1.200 Sekunden erneut.')
})
