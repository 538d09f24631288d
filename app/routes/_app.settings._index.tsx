import type { ActionFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseForm } from '#app/http/form-data.server'
import { useMember } from '#app/routes/_app'
import { renameWorkspace } from '#app/workspaces/workspace.server'
import { WorkspaceNameSchema } from '#app/workspaces/schema'

export async function action({ request }: ActionFunctionArgs) {
  const { workspace } = await requireMember(request, { role: 'owner' })
  const parsed = await parseForm(request, WorkspaceNameSchema)
  if (!parsed.ok) return parsed.response
  await renameWorkspace({ workspaceId: workspace.id, name: parsed.data.name })
  return { saved: true as const }
}

export default function GeneralSettingsRoute() {
  const { workspace, isOwner } = useMember()
  const actionData = useActionData<typeof action>()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(WorkspaceNameSchema, errors)
  return (
    <Card title="Workspace" description="Everything in a workspace (pages, forms, experiments, leads) is visible only to its members.">
      <Form method="post" onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
        <FormErrorList errors={errors?.formErrors} />
        <Field label="Name" defaultValue={workspace.name} disabled={!isOwner} {...form.register('name')} error={errorFor('name')} />
        {isOwner ? <Button disabled={isSubmitting}>Save</Button> : <p className="text-sm text-slate-500">Only owners can rename the workspace.</p>}
        {actionData && 'saved' in actionData ? (
          <p role="status" className="text-sm text-green-700">
            Saved.
          </p>
        ) : null}
      </Form>
    </Card>
  )
}
