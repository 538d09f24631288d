import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useDateTime } from '#app/components/use-date-time'
import { PageHeader } from '#app/components/ui/card'
import { FormErrorList } from '#app/components/ui/field'
import { parseForm } from '#app/http/form-data.server'
import { requireIdParam } from '#app/http/json.server'
import { NewLeadBadge, TemperatureBadge } from '#app/leads/badges'
import { titleFrom } from '#app/i18n/meta'
import { useT } from '#app/i18n/provider'
import { getLead, markLeadOpened } from '#app/leads/detail.server'
import { useMember } from '#app/routes/_app'
import { LeadActionSchema, runLeadAction } from './actions.server'
import { ConversionList } from './conversion-list'
import { EraseForm, NotesCard, StageHistory } from './activity'
import { LeadSummary, Journey } from './summary'
import { StageForm } from './stage-form'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: titleFrom(matches, data?.lead.email ? 'leads.detail.metaTitle' : 'leads.detail.leadCard', { email: data?.lead.email }) },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const id = requireIdParam(params.id, 'lead')
  const lead = await getLead({ workspaceId: workspace.id, id })
  if (!lead) throw new Response('No such lead in this workspace', { status: 404 })
  // Shown as new in this response, seen from now on.
  if (!lead.openedAt && !lead.erasedAt) await markLeadOpened({ workspaceId: workspace.id, id })
  return { lead, isNew: lead.temperature === 'hot' && !lead.openedAt }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { role: 'editor' })
  const leadId = requireIdParam(params.id, 'lead')
  const parsed = await parseForm(request, LeadActionSchema)
  if (!parsed.ok) return parsed.response
  return runLeadAction(parsed.data, { member, leadId })
}

export default function LeadRoute() {
  const { dateTime } = useDateTime()
  const { lead, isNew } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit, workspace } = useMember()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const done = actionData && 'done' in actionData ? actionData.done : null
  const isErased = lead.erasedAt !== null
  const t = useT()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/leads" className="text-brand-700 hover:underline">
          ← {t('leads.detail.allLeads')}
        </Link>
      </p>
      <PageHeader
        title={isErased ? t('leads.detail.erasedTitle') : (lead.name ?? lead.email ?? t('leads.detail.noContactTitle'))}
        description={isErased ? undefined : [lead.email, lead.company].filter(Boolean).join(' · ')}
        actions={
          <div className="flex items-center gap-2">
            <TemperatureBadge temperature={lead.temperature} />
            {isNew ? <NewLeadBadge /> : null}
          </div>
        }
      />
      {isErased ? (
        <p role="status" className="mb-6 rounded-md bg-slate-100 p-4 text-sm text-slate-700">
          {t('leads.detail.erasedNotice', { when: dateTime(lead.erasedAt) })}
        </p>
      ) : null}
      <FormErrorList errors={errors?.formErrors} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <LeadSummary lead={lead} currency={workspace.currency} />
          <ConversionList conversions={lead.conversions} />
          <Journey journey={lead.journey} isErased={isErased} />
        </div>
        <div className="space-y-6">
          {/* Keyed by what is saved, so a saved move starts the form afresh from the lead's new stage and value. */}
          <StageForm
            key={`${lead.stage}:${lead.dealValue ?? ''}`}
            stage={lead.stage}
            dealValue={lead.dealValue}
            currency={workspace.currency}
            canEdit={canEdit}
            errors={errors}
            saved={done === 'stage'}
          />
          <StageHistory changes={lead.stageChanges} currency={workspace.currency} />
          {isErased ? null : <NotesCard notes={lead.notes} canEdit={canEdit} errors={errors} saved={done === 'note'} />}
          {canEdit && !isErased ? <EraseForm errors={errors} /> : null}
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 404: () => <NoSuchLead /> }} />
}

function NoSuchLead() {
  return <p>{useT()('leads.detail.notFound')}</p>
}
