import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { AuthLayout } from '#app/auth/auth-layout'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { getUser, switchSessionWorkspace } from '#app/auth/session.server'
import { Button } from '#app/components/ui/button'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseForm } from '#app/http/form-data.server'
import { createWorkspace } from '#app/workspaces/workspace.server'
import { WorkspaceNameSchema } from '#app/workspaces/schema'

export const meta: MetaFunction = () => [{ title: 'New workspace · Splitform' }]

async function requireUser(request: Request) {
  const user = await getUser(request)
  if (!user) throw redirect('/login?redirectTo=/workspaces/new')
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const user = await requireUser(request)
  const parsed = await parseForm(request, WorkspaceNameSchema)
  if (!parsed.ok) return parsed.response
  const workspace = await createWorkspace({ name: parsed.data.name, ownerId: user.id })
  await switchSessionWorkspace(user.sessionHash, workspace.id)
  throw redirect('/dashboard')
}

export default function NewWorkspaceRoute() {
  const actionData = useActionData<typeof action>()
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(WorkspaceNameSchema, actionData?.errors)
  return (
    <AuthLayout title="Create a workspace" footer="A workspace holds its own pages, forms, experiments and leads.">
      <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormErrorList errors={actionData?.errors.formErrors} />
        <Field label="Workspace name" {...form.register('name')} error={errorFor('name')} />
        <Button className="w-full" disabled={isSubmitting}>
          Create workspace
        </Button>
      </Form>
    </AuthLayout>
  )
}
