import { render, toPlainText } from '@react-email/render'
import { createElement, type ReactElement } from 'react'
import type { z } from 'zod'
import type { MailChannel } from '#db/schema'

// What a template is. Each one lives in app/mail/templates/ and is listed once in app/mail/templates.server.ts.
// A template validates its data (stored as jsonb when the mail is queued, rendered later by the worker), renders
// it, and carries sample data for its preview (Settings → Email log → Templates).

export type RenderContext = { appUrl: string; locale: string }
export type RenderedMail = { subject: string; text: string; html: string | null; headers?: Record<string, string> }

export type MailTemplate<D = unknown, N extends string = string> = {
  name: N
  description: string
  channel: MailChannel
  data: z.ZodType<D>
  /** Sample data: what the preview shows. */
  preview: D
  render: (data: D, context: RenderContext) => Promise<RenderedMail>
}

/** An email: a react-email body (responsive HTML) and its plain-text part, derived from the same HTML. */
export function defineEmailTemplate<N extends string, D>({
  name,
  description,
  data,
  preview,
  subject,
  Body,
  headers,
}: {
  name: N
  description: string
  data: z.ZodType<D>
  preview: D
  subject: (data: D, context: RenderContext) => string
  Body: (props: { data: D } & RenderContext) => ReactElement
  /** Extra headers, e.g. List-Unsubscribe on mail to visitors. */
  headers?: (data: D, context: RenderContext) => Record<string, string>
}): MailTemplate<D, N> {
  return {
    name,
    description,
    channel: 'email',
    data,
    preview,
    async render(input, context) {
      const html = await render(createElement(Body, { data: input, ...context }))
      // The text part keeps link targets ("Open the lead [https://…]") so it is usable on its own.
      return { subject: subject(input, context), text: toPlainText(html), html, headers: headers?.(input, context) }
    },
  }
}

/** A chat post: the JSON body of an incoming-webhook request (Slack and Teams accept the same `text`). */
export function defineChatTemplate<N extends string, D>({
  name,
  description,
  data,
  preview,
  subject,
  body,
}: {
  name: N
  description: string
  data: z.ZodType<D>
  preview: D
  subject: (data: D, context: RenderContext) => string
  body: (data: D, context: RenderContext) => unknown
}): MailTemplate<D, N> {
  return {
    name,
    description,
    channel: 'chat',
    data,
    preview,
    async render(input, context) {
      return { subject: subject(input, context), text: JSON.stringify(body(input, context)), html: null }
    },
  }
}
