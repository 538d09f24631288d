import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useDateTime } from '#app/components/use-date-time'
import { Button } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import type { SpamReason } from '#app/conversions/spam-rules'
import { listHeldSubmissions, restoreHeldSubmission } from '#app/conversions/held-submissions.server'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { titleFrom } from '#app/i18n/meta'
import { useMessage, useT } from '#app/i18n/provider'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'leads.held.title') }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMember(request)
  return { held: await listHeldSubmissions({ workspaceId: workspace.id }), canAct: role !== 'viewer' }
}

const RestoreSchema = z.object({ id: z.uuid('Choose a held submission') })

export async function action({ request }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'editor' })
  const parsed = await parseForm(request, RestoreSchema)
  if (!parsed.ok) return parsed.response
  const restored = await restoreHeldSubmission({ workspaceId: workspace.id, id: parsed.data.id })
  if (!restored.ok && restored.status === 404) throw new Response(restored.message, { status: 404 })
  if (!restored.ok) return badRequest({ formErrors: [restored.message] })
  return { restoredLeadId: restored.leadId }
}

const SPAM_REASON_KEYS = {
  honeypot: 'leads.spam.honeypot',
  bot: 'leads.spam.bot',
  'no-timer': 'leads.spam.noTimer',
  'too-fast': 'leads.spam.tooFast',
} as const satisfies Record<SpamReason, string>

export default function HeldSubmissionsRoute() {
  const { dateTime } = useDateTime()
  const { held, canAct } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  const translate = useMessage()
  return (
    <>
      <PageHeader
        title={t('leads.held.title')}
        description={t('leads.held.description')}
        actions={
          <Link to="/leads" className="text-sm text-brand-700 underline">
            {t('leads.held.backToLeads')}
          </Link>
        }
      />
      {result && 'restoredLeadId' in result ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('leads.held.restored')}{' '}
          <Link className="underline" to={`/leads/${result.restoredLeadId}`}>
            {t('leads.held.openLead')}
          </Link>
        </p>
      ) : null}
      {result && 'errors' in result ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-900">
          {result.errors.formErrors.map((e) => translate(e)).join(' ')}
        </p>
      ) : null}
      {held.length === 0 ? (
        <EmptyState title={t('leads.held.emptyTitle')}>
          <p>{t('leads.held.emptyHint')}</p>
        </EmptyState>
      ) : (
        <Card>
          <p className="mb-2 text-sm text-slate-600">{t('leads.held.count', { count: held.length })}</p>
          <ul className="divide-y divide-slate-100">
            {held.map((h) => (
              <li key={h.id} className="flex flex-wrap items-start justify-between gap-4 py-3" data-testid="held-row">
                <div className="min-w-0 text-sm">
                  <p className="font-medium">{h.reason in SPAM_REASON_KEYS ? t(SPAM_REASON_KEYS[h.reason as SpamReason]) : h.reason}</p>
                  <p className="text-slate-600">
                    {t('leads.held.formOnPage', { form: h.formName ?? t('leads.detail.deletedForm'), page: h.pageName ?? t('leads.detail.aDeletedPage') })} · {dateTime(h.createdAt)}
                  </p>
                  {/* Answers are shown as text: whatever a bot typed stays inert. */}
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-slate-700">
                    {Object.entries(h.answers).map(([key, value]) => (
                      <div key={key} className="contents">
                        <dt className="font-mono text-xs text-slate-500">{key}</dt>
                        <dd className="break-all">{Array.isArray(value) ? value.join(', ') : String(value ?? '')}</dd>
                      </div>
                    ))}
                  </dl>
                  {h.userAgent ? <p className="mt-1 break-all text-xs text-slate-500">{h.userAgent}</p> : null}
                </div>
                {canAct ? (
                  <Form method="post">
                    <input type="hidden" name="id" value={h.id} />
                    <Button type="submit" variant="secondary">
                      {t('leads.held.restore')}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
