import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { formatDateTime } from '#app/components/format'
import { Button } from '#app/components/ui/button'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { SPAM_REASONS } from '#app/conversions/spam-rules'
import { listHeldSubmissions, restoreHeldSubmission } from '#app/conversions/held-submissions.server'
import { badRequest, parseForm } from '#app/http/form-data.server'

export const meta: MetaFunction = () => [{ title: 'Held submissions · Splitform' }]

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

export default function HeldSubmissionsRoute() {
  const { held, canAct } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <PageHeader
        title="Held submissions"
        description="Posts the spam checks held back: a filled-in hidden field, a known bot, or a form sent faster than a person can. They are not leads and count nowhere until you restore them."
        actions={
          <Link to="/leads" className="text-sm text-brand-700 underline">
            Back to leads
          </Link>
        }
      />
      {result && 'restoredLeadId' in result ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          Restored.{' '}
          <Link className="underline" to={`/leads/${result.restoredLeadId}`}>
            Open the lead
          </Link>
        </p>
      ) : null}
      {result && 'errors' in result ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-900">
          {result.errors.formErrors.join(' ')}
        </p>
      ) : null}
      {held.length === 0 ? (
        <EmptyState title="Nothing held">
          <p>No submission has been held as spam.</p>
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">
            {held.map((h) => (
              <li key={h.id} className="flex flex-wrap items-start justify-between gap-4 py-3" data-testid="held-row">
                <div className="min-w-0 text-sm">
                  <p className="font-medium">{SPAM_REASONS[h.reason] ?? h.reason}</p>
                  <p className="text-slate-600">
                    {h.formName ?? 'Deleted form'} on {h.pageName ?? 'a deleted page'} · {formatDateTime(h.createdAt)}
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
                      Restore as a lead
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
