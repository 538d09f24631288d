import type { LoaderFunctionArgs } from '@remix-run/node'
import { db } from '#app/db.server'
import { readConfirmToken } from '#app/leads/visitor-links.server'
import { confirmLead } from '#app/leads/visitor-mail.server'
import { renderSystemPage } from '#app/published/system-page'

// A visitor opens the link from a double opt-in mail (app/leads/visitor-mail.server.ts). Public: the signed token
// is the permission. The first open confirms the lead; opening it again changes nothing and says so.

const HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' }

const PAGES = {
  confirmed: [200, { title: 'Thank you, your address is confirmed', text: 'Your subscription is active. You can close this page.' }],
  'already-confirmed': [200, { title: 'Your address is already confirmed', text: 'Nothing more to do: your subscription is active. You can close this page.' }],
  gone: [404, { title: 'This subscription no longer exists', text: 'The details behind this link have been removed. Sign up again if you like.' }],
  invalid: [404, { title: 'This confirmation link is not valid', text: 'Check that you copied the whole link from the mail.' }],
  expired: [410, { title: 'This confirmation link has expired', text: 'Confirmation links work for 30 days. Sign up again to get a new one.' }],
} as const

export async function loader({ params }: LoaderFunctionArgs) {
  const reading = readConfirmToken(params.token ?? '')
  const outcome = reading.ok ? await confirmLead(db, reading) : reading.reason
  const [status, text] = PAGES[outcome]
  return new Response(renderSystemPage(status, text, 'en'), { status, headers: HEADERS })
}
