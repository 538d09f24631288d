import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { db } from '#app/db.server'
import { escapeHtml } from '#app/published/html-template'
import { readUnsubscribeToken } from '#app/leads/visitor-links.server'
import { unsubscribeAddress } from '#app/leads/visitor-mail.server'
import { renderSystemPage } from '#app/published/system-page'
import { workspaces } from '#db/schema'

// The unsubscribe link of every mail to a visitor. GET shows one button (a GET alone changes nothing: mail
// scanners open links); POST records the unsubscription, from that button or straight from the mail client
// (List-Unsubscribe-Post: List-Unsubscribe=One-Click, RFC 8058). Public: the signed token is the permission.

const HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' }
const INVALID = { title: 'This unsubscribe link is not valid', text: 'Check that you copied the whole link from the mail.' }

export async function loader({ params }: LoaderFunctionArgs) {
  if (!readUnsubscribeToken(params.token ?? '')) return new Response(renderSystemPage(404, INVALID, 'en'), { status: 404, headers: HEADERS })
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Unsubscribe</title></head><body style="font:1.0625rem/1.6 system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1.5rem"><main><h1>Unsubscribe</h1><p>Stop mail to this address from this sender.</p><form method="post" action="/unsubscribe/${escapeHtml(params.token!)}"><button type="submit" style="font:inherit;padding:.5rem 1rem">Unsubscribe</button></form></main></body></html>`
  return new Response(html, { headers: HEADERS })
}

export async function action({ params, request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, POST' } })
  const target = readUnsubscribeToken(params.token ?? '')
  if (!target) return new Response(renderSystemPage(404, INVALID, 'en'), { status: 404, headers: HEADERS })
  // A deleted workspace has nothing left to send; the answer is the same.
  const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, target.workspaceId))
  if (workspace) await unsubscribeAddress(db, target)
  const done = { title: 'You are unsubscribed', text: 'This address gets no more mail from this sender’s forms.' }
  return new Response(renderSystemPage(200, done, 'en'), { headers: HEADERS })
}
