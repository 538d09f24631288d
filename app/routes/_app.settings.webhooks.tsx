import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useDateTime } from '#app/components/use-date-time'
import { Button, buttonClass } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { allowsPrivateWebhookTargets } from '#app/env.server'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { useMessage, useT } from '#app/i18n/provider'
import { useMember } from '#app/routes/_app'
import {
  createWebhook,
  deleteWebhook,
  enqueueTestEvent,
  getWebhookSecret,
  listDeliveries,
  listWebhooks,
  MAX_WEBHOOKS_PER_WORKSPACE,
  retryDelivery,
  setWebhookActive,
} from '#app/webhooks/webhook.server'
import { WEBHOOK_EVENTS, WebhookFormSchema } from '#app/webhooks/schema'
import type { WebhookEvent } from '#db/schema'
import { isVisiblyPrivateUrl } from '#app/webhooks/target.server'
import { TableFrame } from '#app/components/ui/table-frame'

const ActionSchema = z.discriminatedUnion(
  'intent',
  [
    WebhookFormSchema.extend({ intent: z.literal('create') }),
    z.object({ intent: z.enum(['reveal', 'pause', 'resume', 'delete', 'test']), id: z.uuid('Unknown webhook') }),
    z.object({ intent: z.literal('retry'), id: z.uuid('Unknown delivery') }),
  ],
  { error: 'Unknown action' },
)

// What each event means, in the catalogue (WEBHOOK_EVENT_LABELS stays the API's English).
const EVENT_KEYS: Record<WebhookEvent, string> = {
  'lead.created': 'settings.webhooks.eventLeadCreated',
  'conversion.created': 'settings.webhooks.eventConversionCreated',
  'lead.hot': 'settings.webhooks.eventLeadHot',
}

const notFound = (what: string) => new Response(`No such ${what} in this workspace`, { status: 404 })

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  // ?log=<webhook id> opens that webhook's delivery log.
  const logId = new URL(request.url).searchParams.get('log')
  const log = logId && z.uuid().safeParse(logId).success ? await listDeliveries({ workspaceId: workspace.id, webhookId: logId }) : null
  if (logId !== null && !log) throw notFound('webhook')
  return { webhooks: await listWebhooks({ workspaceId: workspace.id }), log }
}

export async function action({ request }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, { role: 'editor' })
  const parsed = await parseForm(request, ActionSchema, { multiple: ['events'] })
  if (!parsed.ok) return parsed.response
  const input = parsed.data
  if (input.intent === 'create') {
    if (!allowsPrivateWebhookTargets() && isVisiblyPrivateUrl(input.url)) {
      return badRequest({ fieldErrors: { url: ['Private and local addresses cannot receive webhooks'] } })
    }
    const created = await createWebhook({ workspaceId: workspace.id, url: input.url, events: input.events, createdBy: user.id })
    if (!created) return badRequest({ formErrors: [`A workspace can have at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks`] })
    // Shown once here and again on request ("Show secret"): receivers need it to verify signatures.
    return { created: { id: created.id, url: input.url, secret: created.secret } }
  }
  // Every id is looked up within this workspace: another workspace's id is simply not found.
  const scope = { workspaceId: workspace.id, id: input.id }
  switch (input.intent) {
    case 'reveal': {
      const hook = await getWebhookSecret(scope)
      if (!hook) throw notFound('webhook')
      return { revealed: { id: input.id, secret: hook.secret } }
    }
    case 'pause':
    case 'resume':
      if (!(await setWebhookActive({ ...scope, isActive: input.intent === 'resume' }))) throw notFound('webhook')
      return { updated: input.id }
    case 'delete':
      if (!(await deleteWebhook(scope))) throw notFound('webhook')
      return { deleted: input.id }
    case 'test': {
      const result = await enqueueTestEvent(scope)
      if (!result) throw notFound('webhook')
      if (result === 'paused') return badRequest({ formErrors: ['Resume the webhook before sending it a test event'] })
      return { tested: input.id }
    }
    case 'retry':
      if (!(await retryDelivery(scope))) throw notFound('pending or failed delivery')
      return { retried: input.id }
  }
}

export default function WebhooksRoute() {
  const { dateTime } = useDateTime()
  const { webhooks, log } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit } = useMember()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const created = actionData && 'created' in actionData ? actionData.created : null
  const revealed = actionData && 'revealed' in actionData ? actionData.revealed : null
  const t = useT()
  const translate = useMessage()
  return (
    <div className="space-y-6">
      <Card title={t('settings.webhooks.title')} description={t('settings.webhooks.description')}>
        {created ? <SecretNotice title={t('settings.webhooks.created', { url: created.url })} secret={created.secret} /> : null}
        <FormErrorList errors={errors?.formErrors} />
        {canEdit ? (
          <Form method="post" className="mt-4 space-y-4">
            <input type="hidden" name="intent" value="create" />
            <Field label={t('settings.webhooks.url')} name="url" type="url" placeholder="https://example.com/hooks/splitform" required maxLength={2000} error={errors?.fieldErrors.url?.[0]} />
            <fieldset aria-describedby={errors?.fieldErrors.events ? 'events-error' : undefined}>
              <legend className="text-sm font-medium text-slate-700">{t('settings.webhooks.events')}</legend>
              <div className="mt-2 space-y-2">
                {WEBHOOK_EVENTS.map((event) => (
                  <label key={event} className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="events" value={event} defaultChecked className="mt-1" />
                    <span>
                      <code className="font-mono">{event}</code> <span className="text-slate-500">· {t(EVENT_KEYS[event])}</span>
                    </span>
                  </label>
                ))}
              </div>
              {errors?.fieldErrors.events ? (
                <p id="events-error" className="mt-1 text-sm text-red-600">
                  {translate(errors.fieldErrors.events[0])}
                </p>
              ) : null}
            </fieldset>
            <Button>{t('settings.webhooks.add')}</Button>
          </Form>
        ) : (
          <p className="text-sm text-slate-500">{t('settings.webhooks.viewersCannot')}</p>
        )}
      </Card>
      <Card title={t('settings.webhooks.endpoints')}>
        {webhooks.length === 0 ? (
          <p className="text-slate-600">{t('settings.webhooks.none')}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {webhooks.map((hook) => (
              <li key={hook.id} data-testid="webhook-row" className="space-y-2 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="break-all font-mono text-sm">{hook.url}</span>
                  <span className={`rounded px-1.5 py-0.5 text-xs ${hook.isActive ? 'bg-green-50 text-green-800' : 'bg-slate-100 text-slate-600'}`}>
                    {hook.isActive ? t('settings.webhooks.active') : t('settings.webhooks.paused')}
                  </span>
                </div>
                <p className="text-xs text-slate-500">{t('settings.webhooks.eventsAdded', { events: hook.events.join(', '), time: dateTime(hook.createdAt) })}</p>
                {revealed?.id === hook.id ? <SecretNotice title={t('settings.webhooks.secret')} secret={revealed.secret} /> : null}
                <div className="flex flex-wrap gap-2">
                  <Link to={`?log=${hook.id}`} className={buttonClass('secondary')}>
                    {t('settings.webhooks.log')}
                  </Link>
                  {canEdit ? (
                    <>
                      <IntentButton intent="reveal" id={hook.id} label={t('settings.webhooks.showSecret')} />
                      {hook.isActive ? <IntentButton intent="test" id={hook.id} label={t('settings.webhooks.test')} /> : null}
                      <IntentButton intent={hook.isActive ? 'pause' : 'resume'} id={hook.id} label={hook.isActive ? t('settings.webhooks.pause') : t('settings.webhooks.resume')} />
                      {/* Posted without ?log=, so a deleted webhook's log is not reloaded (it would be a 404). */}
                      <IntentButton
                        intent="delete"
                        id={hook.id}
                        label={t('settings.webhooks.delete')}
                        variant="danger"
                        ariaLabel={t('settings.webhooks.deleteNamed', { url: hook.url })}
                        action="/settings/webhooks"
                      />
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        {actionData && 'tested' in actionData ? (
          <p role="status" className="mt-3 text-sm text-green-800">
            {t('settings.webhooks.testQueued')}
          </p>
        ) : null}
      </Card>
      {log ? <DeliveryLog log={log} canEdit={canEdit} /> : null}
    </div>
  )
}

function SecretNotice({ title, secret }: { title: string; secret: string }) {
  return (
    <div role="status" className="rounded-md bg-green-50 p-4 text-sm text-green-900">
      <p className="font-medium">{title}</p>
      <code data-testid="webhook-secret" className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono ring-1 ring-green-200">
        {secret}
      </code>
    </div>
  )
}

type IntentButtonProps = { intent: string; id: string; label: string; variant?: 'secondary' | 'danger'; ariaLabel?: string; action?: string }

function IntentButton({ intent, id, label, variant = 'secondary', ariaLabel, action }: IntentButtonProps) {
  return (
    <Form method="post" action={action} preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <Button variant={variant} aria-label={ariaLabel}>
        {label}
      </Button>
    </Form>
  )
}

type Log = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['log']>

function DeliveryLog({ log, canEdit }: { log: Log; canEdit: boolean }) {
  const { dateTime } = useDateTime()
  const t = useT()
  const columns = [
    t('settings.webhooks.columnEvent'),
    t('settings.webhooks.columnStatus'),
    t('settings.webhooks.columnAttempts'),
    t('settings.webhooks.columnResponse'),
    t('settings.webhooks.columnCreated'),
    t('settings.webhooks.columnDelivered'),
    '',
  ]
  return (
    <Card title={t('settings.webhooks.log')} description={t('settings.webhooks.logDescription', { count: log.deliveries.length, url: log.webhook.url })}>
      {log.deliveries.length === 0 ? (
        <p className="text-slate-600">{t('settings.webhooks.nothingSent')}</p>
      ) : (
        <TableFrame label={t('settings.webhooks.log')}>
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
              {log.deliveries.map((d) => (
                <tr key={d.id} data-testid="delivery-row">
                  <td className="py-2 pr-4 font-mono">{d.event}</td>
                  <td className="py-2 pr-4">{t('settings.webhooks.status', { status: d.status === 'pending' && d.attempts > 0 ? 'retrying' : d.status })}</td>
                  <td className="py-2 pr-4">{d.attempts}</td>
                  <td className="max-w-xs break-words py-2 pr-4">{[d.lastStatusCode, d.lastError].filter((v) => v !== null).join(' · ') || '–'}</td>
                  <td className="py-2 pr-4">{dateTime(d.createdAt)}</td>
                  <td className="py-2 pr-4">{d.status === 'delivered' ? dateTime(d.deliveredAt) : d.status === 'pending' ? dateTime(d.nextAttemptAt) : t('settings.webhooks.gaveUp')}</td>
                  <td className="py-2 text-right">{canEdit && d.status !== 'delivered' ? <IntentButton intent="retry" id={d.id} label={t('settings.webhooks.retry')} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </Card>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 404: () => <NoSuchWebhook /> }} />
}

function NoSuchWebhook() {
  return <p>{useT()('settings.webhooks.notFound')}</p>
}
