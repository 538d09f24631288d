import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useDateTime } from '#app/components/use-date-time'
import { Button, buttonClass } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { TableFrame } from '#app/components/ui/table-frame'
import { appUrl, getEnv } from '#app/env.server'
import { parseForm } from '#app/http/form-data.server'
import { useT } from '#app/i18n/provider'
import { db } from '#app/db.server'
import { enqueueMail, getMailMessage, listMailMessages, mailQueued, retryMail } from '#app/mail/outbox.server'
import { listTemplates, previewMail } from '#app/mail/templates.server'

// Settings → Email log (owners): every message the workspace sent or is sending, with its text, HTML, recipients,
// status and attempts; a test email; and a preview of every template with sample data. With no SMTP_URL this is
// where mail ends (docs/email.md).

const ActionSchema = z.discriminatedUnion('intent', [z.object({ intent: z.literal('test') }), z.object({ intent: z.literal('retry'), id: z.uuid('Unknown message') })], {
  error: 'Unknown action',
})

const notFound = (what: string) => new Response(`No such ${what} in this workspace`, { status: 404 })

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'owner' })
  const params = new URL(request.url).searchParams
  const messageId = params.get('message')
  const templateName = params.get('template')
  const message = messageId === null ? null : z.uuid().safeParse(messageId).success ? await getMailMessage({ workspaceId: workspace.id, id: messageId }) : null
  if (messageId !== null && !message) throw notFound('message')
  const preview = templateName === null ? null : await previewMail(templateName, { appUrl: appUrl(), locale: 'en' })
  if (templateName !== null && !preview) throw notFound('template')
  return {
    isSmtp: Boolean(getEnv().SMTP_URL),
    messages: await listMailMessages({ workspaceId: workspace.id }),
    templates: listTemplates(),
    message,
    preview: preview && { name: templateName!, ...preview },
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, { role: 'owner' })
  const parsed = await parseForm(request, ActionSchema)
  if (!parsed.ok) return parsed.response
  if (parsed.data.intent === 'test') {
    await enqueueMail(db, { workspaceId: workspace.id, to: [user.email], template: 'test-message', data: { requestedBy: user.name, workspaceName: workspace.name }, kind: 'test' })
    mailQueued()
    return { tested: user.email }
  }
  if (!(await retryMail({ workspaceId: workspace.id, id: parsed.data.id }))) throw notFound('pending or failed message')
  return { retried: parsed.data.id }
}

// What each mail template is for, in the reader's language (the templates' own descriptions are English, for the code).
const TEMPLATE_DESCRIPTIONS: Record<string, string> = {
  'email-verification': 'settings.email.templateDescriptions.emailVerification',
  'experiment-alert-chat': 'settings.email.templateDescriptions.experimentAlertChat',
  'experiment-alert': 'settings.email.templateDescriptions.experimentAlert',
  'lead-alert-chat': 'settings.email.templateDescriptions.leadAlertChat',
  'lead-alert': 'settings.email.templateDescriptions.leadAlert',
  'lead-digest-chat': 'settings.email.templateDescriptions.leadDigestChat',
  'lead-digest': 'settings.email.templateDescriptions.leadDigest',
  'password-reset': 'settings.email.templateDescriptions.passwordReset',
  'test-message': 'settings.email.templateDescriptions.testMessage',
  'visitor-confirmation': 'settings.email.templateDescriptions.visitorConfirmation',
  'visitor-double-opt-in': 'settings.email.templateDescriptions.visitorDoubleOptIn',
  'workspace-invite': 'settings.email.templateDescriptions.workspaceInvite',
}

export default function EmailLogRoute() {
  const { dateTime } = useDateTime()
  const { isSmtp, messages, templates, message, preview } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const columns = [
    t('settings.email.columnSubject'),
    t('settings.email.columnTo'),
    t('settings.email.columnKind'),
    t('settings.email.columnStatus'),
    t('settings.email.columnAttempts'),
    t('settings.email.columnCreated'),
    '',
  ]
  return (
    <div className="space-y-6">
      <Card title={t('settings.email.title')} description={isSmtp ? t('settings.email.descriptionSmtp') : t('settings.email.descriptionKept')}>
        <Form method="post" className="mb-4">
          <input type="hidden" name="intent" value="test" />
          <Button variant="secondary">{t('settings.email.sendTest')}</Button>
        </Form>
        {actionData && 'tested' in actionData ? (
          <p role="status" className="mb-3 text-sm text-green-800">
            {t('settings.email.testQueued', { email: actionData.tested })}
          </p>
        ) : null}
        {messages.length === 0 ? (
          <p className="text-slate-600">{t('settings.email.none')}</p>
        ) : (
          <TableFrame label={t('settings.email.title')}>
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  {columns.map((h, i) => (
                    <th key={i} className="py-2 pr-4 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {messages.map((m) => (
                  <tr key={m.id} data-testid="mail-row">
                    <td className="py-2 pr-4">
                      <Link to={`?message=${m.id}`} className="text-brand-700 underline">
                        {m.subject ?? t('settings.email.notRendered', { template: m.template })}
                      </Link>
                    </td>
                    <td className="max-w-xs break-all py-2 pr-4">{m.recipients.join(', ')}</td>
                    <td className="py-2 pr-4">{m.channel === 'chat' ? t('settings.email.chatKind', { kind: m.kind }) : m.kind}</td>
                    <td className="py-2 pr-4">{describeStatus(m, isSmtp, t, dateTime)}</td>
                    <td className="py-2 pr-4">{m.attempts}</td>
                    <td className="py-2 pr-4">{dateTime(m.createdAt)}</td>
                    <td className="py-2 text-right">{m.status !== 'sent' ? <RetryButton id={m.id} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </Card>
      {message ? <MessageCard message={message} /> : null}
      <Card title={t('settings.email.templates')} description={t('settings.email.templatesDescription')}>
        <ul className="flex flex-wrap gap-2">
          {templates.map((template) => (
            <li key={template.name}>
              <Link
                to={`?template=${template.name}`}
                className={buttonClass('secondary')}
                title={TEMPLATE_DESCRIPTIONS[template.name] ? t(TEMPLATE_DESCRIPTIONS[template.name]!) : template.description}
              >
                {template.name}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      {preview ? (
        <Card title={t('settings.email.preview', { name: preview.name })} description={preview.subject}>
          <Rendered html={preview.html} text={preview.text} />
        </Card>
      ) : null}
    </div>
  )
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['messages'][number]

function describeStatus(m: Row, isSmtp: boolean, t: TFunction, dateTime: (value: Date | string | null | undefined) => string) {
  if (m.status === 'sent') return m.channel === 'email' && !isSmtp ? t('settings.email.kept') : t('settings.email.sent', { time: dateTime(m.sentAt) })
  if (m.status === 'failed') return t('settings.email.gaveUp', { error: m.lastError ?? '' })
  return m.attempts > 0 ? t('settings.email.retrying', { time: dateTime(m.nextAttemptAt), error: m.lastError ?? '' }) : t('settings.email.queued')
}

type Message = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['message']>

function MessageCard({ message }: { message: Message }) {
  const { dateTime } = useDateTime()
  const t = useT()
  return (
    <Card title={message.subject ?? message.template} description={t('settings.email.messageDescription', { to: message.recipients.join(', '), kind: message.kind, template: message.template })}>
      <h3 className="mb-1 text-sm font-medium text-slate-700">{t('settings.email.columnAttempts')}</h3>
      {message.attemptLog.length === 0 ? (
        <p className="mb-4 text-sm text-slate-600">{t('settings.email.noAttempts')}</p>
      ) : (
        <ol className="mb-4 list-decimal pl-5 text-sm" data-testid="mail-attempts">
          {message.attemptLog.map((a, i) => (
            <li key={i}>
              {dateTime(a.at)} · {a.transport} · {a.ok ? t('settings.email.attemptOk') : t('settings.email.attemptFailed', { error: a.error ?? '' })} · {a.ms} ms
            </li>
          ))}
        </ol>
      )}
      {message.channel === 'chat' ? (
        <pre className="whitespace-pre-wrap break-all rounded bg-slate-50 p-3 font-mono text-xs">{message.text}</pre>
      ) : (
        <Rendered html={message.html} text={message.text} />
      )}
    </Card>
  )
}

function Rendered({ html, text }: { html: string | null; text: string | null }) {
  const t = useT()
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section>
        <h3 className="mb-1 text-sm font-medium text-slate-700">{t('settings.email.plainText')}</h3>
        <pre data-testid="mail-text" className="whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-mono text-xs">
          {text ?? t('settings.email.couldNotRender')}
        </pre>
      </section>
      {html ? (
        <section>
          <h3 className="mb-1 text-sm font-medium text-slate-700">HTML</h3>
          {/* Sandboxed: no script, no same-origin access; the mail's own inline styles only. */}
          <iframe title={t('settings.email.htmlPart')} sandbox="" srcDoc={html} className="h-[32rem] w-full rounded border border-slate-200 bg-white" />
        </section>
      ) : null}
    </div>
  )
}

function RetryButton({ id }: { id: string }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="retry" />
      <input type="hidden" name="id" value={id} />
      <Button variant="secondary">{useT()('settings.webhooks.retry')}</Button>
    </Form>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 404: () => <Said what="settings.email.notFound" />, 403: () => <Said what="settings.email.ownersOnly" /> }} />
}

function Said({ what }: { what: 'settings.email.notFound' | 'settings.email.ownersOnly' }) {
  return <p>{useT()(what)}</p>
}
