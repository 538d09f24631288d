import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { AuthLayout } from '#app/auth/auth-layout'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { getUser, switchSessionWorkspace } from '#app/auth/session.server'
import { Button } from '#app/components/ui/button'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseForm } from '#app/http/form-data.server'
import { titleFrom } from '#app/i18n/meta'
import { useT } from '#app/i18n/provider'
import { BrowserCalendarFields } from '#app/workspaces/browser-calendar'
import { guessCalendar } from '#app/workspaces/locale'
import { createWorkspace } from '#app/workspaces/workspace.server'
import { NewWorkspaceFormSchema } from '#app/workspaces/schema'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'workspaceNew.metaTitle') }]

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
  const parsed = await parseForm(request, NewWorkspaceFormSchema)
  if (!parsed.ok) return parsed.response
  const { name, timeZone, locale } = parsed.data
  const workspace = await createWorkspace({ name, ownerId: user.id, calendar: guessCalendar({ timeZone, locale }) })
  await switchSessionWorkspace(user.sessionHash, workspace.id)
  throw redirect('/dashboard')
}

export default function NewWorkspaceRoute() {
  const actionData = useActionData<typeof action>()
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(NewWorkspaceFormSchema, actionData?.errors)
  const t = useT()
  return (
    <AuthLayout title={t('workspaceNew.title')} footer={t('workspaceNew.footer')}>
      <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormErrorList errors={actionData?.errors.formErrors} />
        <Field label={t('workspaceNew.name')} {...form.register('name')} error={errorFor('name')} />
        <BrowserCalendarFields />
        <Button className="w-full" disabled={isSubmitting}>
          {t('workspaceNew.submit')}
        </Button>
      </Form>
    </AuthLayout>
  )
}
