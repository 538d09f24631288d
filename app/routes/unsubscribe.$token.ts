import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { db } from '#app/db.server'
import { escapeHtml } from '#app/published/html-template'
import { linkPageLanguage, readUnsubscribeToken } from '#app/leads/visitor-links.server'
import { unsubscribeAddress } from '#app/leads/visitor-mail.server'
import { visitorMailCatalogue } from '#app/mail/visitor-catalogue'
import { renderSystemPage } from '#app/published/system-page'
import { workspaces } from '#db/schema'

// The unsubscribe link of every mail to a visitor. GET shows one button (a GET alone changes nothing: mail
// scanners open links); POST records the unsubscription, from that button or straight from the mail client
// (List-Unsubscribe-Post: List-Unsubscribe=One-Click, RFC 8058). Public: the signed token is the permission. Each
// page speaks the mail's language (carried in the link), else the browser's.

const HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' }

function invalid(request: Request) {
  const language = linkPageLanguage(null, request)
  const t = visitorMailCatalogue(language).pages
  return new Response(renderSystemPage(404, { title: t.invalidUnsubscribeTitle, text: t.invalidUnsubscribeText }, language), { status: 404, headers: HEADERS })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const target = readUnsubscribeToken(params.token ?? '')
  if (!target) return invalid(request)
  const language = linkPageLanguage(target.locale, request)
  const t = visitorMailCatalogue(language).pages
  const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t.unsubscribeTitle)}</title></head><body style="font:1.0625rem/1.6 system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1.5rem"><main><h1>${escapeHtml(t.unsubscribeTitle)}</h1><p>${escapeHtml(t.unsubscribeText)}</p><form method="post" action="/unsubscribe/${escapeHtml(params.token!)}"><button type="submit" style="font:inherit;padding:.5rem 1rem">${escapeHtml(t.unsubscribeButton)}</button></form></main></body></html>`
  return new Response(html, { headers: HEADERS })
}

export async function action({ params, request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, POST' } })
  const target = readUnsubscribeToken(params.token ?? '')
  if (!target) return invalid(request)
  // A deleted workspace has nothing left to send; the answer is the same.
  const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, target.workspaceId))
  if (workspace) await unsubscribeAddress(db, target)
  const language = linkPageLanguage(target.locale, request)
  const t = visitorMailCatalogue(language).pages
  return new Response(renderSystemPage(200, { title: t.unsubscribedTitle, text: t.unsubscribedText }, language), { headers: HEADERS })
}
