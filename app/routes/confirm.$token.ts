import type { LoaderFunctionArgs } from '@remix-run/node'
import { db } from '#app/db.server'
import { linkPageLanguage, readConfirmToken } from '#app/leads/visitor-links.server'
import { confirmLead } from '#app/leads/visitor-mail.server'
import { visitorMailCatalogue } from '#app/mail/visitor-catalogue'
import { renderSystemPage } from '#app/published/system-page'

// A visitor opens the link from a double opt-in mail (app/leads/visitor-mail.server.ts). Public: the signed token
// is the permission. The first open confirms the lead; opening it again changes nothing and says so. The page
// speaks the mail's language, the page's the visitor signed up on (carried in the link).

const HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' }

const PAGES = {
  confirmed: [200, 'confirmed'],
  'already-confirmed': [200, 'alreadyConfirmed'],
  gone: [404, 'gone'],
  invalid: [404, 'invalidConfirm'],
  expired: [410, 'expired'],
} as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reading = readConfirmToken(params.token ?? '')
  const outcome = reading.ok ? await confirmLead(db, reading) : reading.reason
  const [status, key] = PAGES[outcome]
  const language = linkPageLanguage(reading.locale, request)
  const t = visitorMailCatalogue(language).pages
  return new Response(renderSystemPage(status, { title: t[`${key}Title`], text: t[`${key}Text`] }, language), { status, headers: HEADERS })
}
