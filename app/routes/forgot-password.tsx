import { type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { AuthLayout } from '#app/auth/auth-layout'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { answerPasswordResetRequest } from '#app/auth/password-reset.server'
import { ForgotPasswordSchema } from '#app/auth/schema'
import { throttlePasswordReset } from '#app/auth/throttle.server'
import { Button } from '#app/components/ui/button'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { parseForm } from '#app/http/form-data.server'
import { forwardRetryAfter } from '#app/rate-limits/rate-limit.server'
import { titleFrom } from '#app/i18n/meta'
import { useT } from '#app/i18n/provider'

// "Forgot your password?": the answer is the same, in text and (about) in time, whether or not the address has an
// account, so this page cannot be used to find out who has one. Only the mailbox learns.

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'common.account.forgot.metaTitle') }]
export const headers = forwardRetryAfter

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const parsed = await parseForm(request, ForgotPasswordSchema)
  if (!parsed.ok) return parsed.response
  const { email } = parsed.data
  const throttled = await throttlePasswordReset({ ip: context.clientIp, email })
  if (throttled) return throttled
  await answerPasswordResetRequest({ email })
  return { sentTo: email }
}

export default function ForgotPasswordRoute() {
  const actionData = useActionData<typeof action>()
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(ForgotPasswordSchema, actionData && 'errors' in actionData ? actionData.errors : undefined)
  const sentTo = actionData && 'sentTo' in actionData ? actionData.sentTo : null
  const t = useT()
  return (
    <AuthLayout
      title={t('common.account.forgot.title')}
      footer={
        <Link className="font-medium text-brand-700 underline" to="/login">
          {t('common.account.backToLogin')}
        </Link>
      }
    >
      {sentTo ? (
        <div role="status" className="space-y-2 rounded-md bg-green-50 p-3 text-sm text-green-900" data-testid="reset-requested">
          <p className="font-medium">{t('common.account.forgot.checkInbox')}</p>
          <p>{t('common.account.forgot.sent', { email: sentTo })}</p>
        </div>
      ) : (
        <Form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
          <p className="text-sm text-slate-600">{t('common.account.forgot.intro')}</p>
          <FormErrorList errors={actionData && 'errors' in actionData ? actionData.errors.formErrors : undefined} />
          <Field label={t('common.account.forgot.email')} type="email" autoComplete="email" {...form.register('email')} error={errorFor('email')} />
          <Button className="w-full" disabled={isSubmitting}>
            {isSubmitting ? t('common.account.forgot.submitting') : t('common.account.forgot.submit')}
          </Button>
        </Form>
      )}
    </AuthLayout>
  )
}
