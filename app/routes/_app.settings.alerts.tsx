import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { checkChatWebhookTarget } from '#app/alerts/alerts.server'
import { requireMember } from '#app/auth/session.server'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { badRequest, parseForm } from '#app/http/form-data.server'
import { useT } from '#app/i18n/provider'
import { useMember } from '#app/routes/_app'
import { WorkspaceAlertsSchema } from '#app/workspaces/schema'
import { getWorkspaceSettings, updateWorkspace } from '#app/workspaces/workspace.server'

// Settings → Alerts: the workspace's chat webhook for experiment alerts (decision 088), the same setting as
// `alerts.chatWebhookUrl` on PATCH /api/v1/workspace. Members see it; owners change it. An empty field is email only.

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  const settings = await getWorkspaceSettings({ workspaceId: workspace.id })
  return { chatWebhookUrl: settings?.alerts.chatWebhookUrl ?? null }
}

export async function action({ request }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'owner' })
  const parsed = await parseForm(request, WorkspaceAlertsSchema)
  if (!parsed.ok) return parsed.response
  const refused = checkChatWebhookTarget(parsed.data.chatWebhookUrl, 'chatWebhookUrl')
  if (refused) return badRequest({ formErrors: [], fieldErrors: refused })
  await updateWorkspace({ workspaceId: workspace.id, changes: { alerts: parsed.data } })
  return { saved: true as const }
}

export default function AlertSettingsRoute() {
  const t = useT()
  const { isOwner } = useMember()
  const { chatWebhookUrl } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(WorkspaceAlertsSchema, errors)
  return (
    <Card title={t('alertSettings.title')} description={t('alertSettings.description')}>
      <Form method="post" onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
        <FormErrorList errors={errors?.formErrors} />
        <Field
          label={t('alertSettings.chatWebhookUrl')}
          hint={t('alertSettings.chatWebhookHint')}
          type="url"
          inputMode="url"
          placeholder="https://hooks.slack.com/services/…"
          defaultValue={chatWebhookUrl ?? ''}
          disabled={!isOwner}
          {...form.register('chatWebhookUrl')}
          error={errorFor('chatWebhookUrl')}
        />
        {isOwner ? <Button disabled={isSubmitting}>{t('alertSettings.save')}</Button> : <p className="text-sm text-slate-500">{t('alertSettings.ownersOnly')}</p>}
        {actionData && 'saved' in actionData ? (
          <p role="status" className="text-sm text-green-700">
            {t('alertSettings.saved')}
          </p>
        ) : null}
      </Form>
    </Card>
  )
}
