import type { MailTemplate, RenderContext, RenderedMail } from './template'
import { leadAlert } from './templates/lead-alert'
import { leadAlertChat } from './templates/lead-alert-chat'
import { emailVerification } from './templates/email-verification'
import { passwordReset } from './templates/password-reset'
import { testMessage } from './templates/test-message'
import { workspaceInvite } from './templates/workspace-invite'
import { visitorConfirmation, visitorDoubleOptIn } from './templates/visitor-mail'
import { experimentAlert } from './templates/experiment-alert'
import { experimentAlertChat } from './templates/experiment-alert-chat'
import { leadDigest } from './templates/lead-digest'
import { leadDigestChat } from './templates/lead-digest-chat'

// Every template, in one list: enqueueMail accepts only these names, and the preview page shows each of them.

const TEMPLATES = [
  testMessage,
  leadAlert,
  leadAlertChat,
  passwordReset,
  emailVerification,
  workspaceInvite,
  visitorConfirmation,
  visitorDoubleOptIn,
  experimentAlert,
  experimentAlertChat,
  leadDigest,
  leadDigestChat,
] as const

export type TemplateName = (typeof TEMPLATES)[number]['name']
type ByName = { [T in (typeof TEMPLATES)[number] as T['name']]: T }
export type TemplateData<N extends TemplateName> = ByName[N] extends MailTemplate<infer D> ? D : never

const byName = new Map<string, MailTemplate<unknown>>(TEMPLATES.map((t) => [t.name, t as MailTemplate<unknown>]))

export function listTemplates() {
  return TEMPLATES.map(({ name, description, channel }) => ({ name, description, channel }))
}

export function getTemplate(name: string) {
  return byName.get(name) ?? null
}

/** Validates `data` against the template and renders it; throws on an unknown template or bad data. */
export async function renderMail(name: string, data: unknown, context: RenderContext): Promise<RenderedMail> {
  const template = getTemplate(name)
  if (!template) throw new Error(`Unknown mail template "${name}"`)
  return template.render(template.data.parse(data), context)
}

/** The template with its sample data: what Settings → Email log → Templates shows. */
export function previewMail(name: string, context: RenderContext) {
  const template = getTemplate(name)
  return template ? template.render(template.preview, context) : null
}
