import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { createApiKey, listApiKeys, revokeApiKey } from '#app/api-keys/api-key.server'
import { requireMember } from '#app/auth/session.server'
import { useDateTime } from '#app/components/use-date-time'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { parseForm } from '#app/http/form-data.server'
import { translatorOf } from '#app/i18n/language.server'
import { useT } from '#app/i18n/provider'
import { useMember } from '#app/routes/_app'
import { ApiKeyFormSchema } from '#app/workspaces/schema'
import { TableFrame } from '#app/components/ui/table-frame'

const ActionSchema = z.discriminatedUnion('intent', [ApiKeyFormSchema.extend({ intent: z.literal('create') }), z.object({ intent: z.literal('revoke'), id: z.uuid('Unknown key') })], {
  error: 'Unknown action',
})

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  return { keys: await listApiKeys({ workspaceId: workspace.id }) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { workspace, user } = await requireMember(request, { role: 'editor' })
  const parsed = await parseForm(request, ActionSchema)
  if (!parsed.ok) return parsed.response
  if (parsed.data.intent === 'revoke') {
    // Scoped to this workspace: another workspace's key id is simply not found.
    if (!(await revokeApiKey({ workspaceId: workspace.id, id: parsed.data.id, revokedBy: user.name }))) {
      throw new Response((await translatorOf(request))('settings.apiKeys.notFound'), { status: 404 })
    }
    return { revoked: parsed.data.id }
  }
  const created = await createApiKey({ workspaceId: workspace.id, name: parsed.data.name, createdBy: user.id })
  // The only time the secret leaves the server: it is stored hashed.
  return { created: { name: parsed.data.name, key: created.key } }
}

export default function ApiKeysRoute() {
  const { dateTime } = useDateTime()
  const { keys } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { canEdit } = useMember()
  const errors = actionData && 'errors' in actionData ? actionData.errors : undefined
  const created = actionData && 'created' in actionData ? actionData.created : null
  const t = useT()
  return (
    <div className="space-y-6">
      <Card title={t('settings.apiKeys.title')} description={t('settings.apiKeys.description')}>
        {created ? (
          <div role="status" className="mb-5 rounded-md bg-green-50 p-4 text-sm text-green-900">
            <p className="font-medium">{t('settings.apiKeys.created', { name: created.name })}</p>
            <code data-testid="new-api-key" className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono ring-1 ring-green-200">
              {created.key}
            </code>
          </div>
        ) : null}
        {canEdit ? (
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="create" />
            <Field
              label={t('settings.apiKeys.name')}
              name="name"
              placeholder={t('settings.apiKeys.namePlaceholder')}
              required
              maxLength={100}
              className="min-w-64 flex-1"
              error={errors?.fieldErrors.name?.[0]}
            />
            <Button>{t('settings.apiKeys.create')}</Button>
          </Form>
        ) : (
          <p className="text-sm text-slate-500">{t('settings.apiKeys.viewersCannot')}</p>
        )}
        <FormErrorList errors={errors?.formErrors} />
      </Card>
      <Card title={t('settings.apiKeys.listTitle')}>
        {keys.length === 0 ? (
          <p className="text-slate-600">{t('settings.apiKeys.none')}</p>
        ) : (
          <TableFrame label={t('settings.apiKeys.listTitle')}>
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-2 pr-4 font-medium">{t('settings.apiKeys.columnName')}</th>
                  <th className="py-2 pr-4 font-medium">{t('settings.apiKeys.columnKey')}</th>
                  <th className="py-2 pr-4 font-medium">{t('settings.apiKeys.columnCreated')}</th>
                  <th className="py-2 pr-4 font-medium">{t('settings.apiKeys.columnCreatedBy')}</th>
                  <th className="py-2 pr-4 font-medium">{t('settings.apiKeys.columnLastUsed')}</th>
                  <th className="py-2 font-medium">
                    <span className="sr-only">{t('settings.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((key) => (
                  <tr key={key.id} data-testid="api-key-row">
                    <td className="py-2 pr-4">{key.name}</td>
                    <td className="py-2 pr-4 font-mono">{key.prefix}…</td>
                    <td className="py-2 pr-4">{dateTime(key.createdAt)}</td>
                    <td className="py-2 pr-4">{key.createdByName ?? '—'}</td>
                    <td className="py-2 pr-4">{dateTime(key.lastUsedAt, t('settings.apiKeys.never'))}</td>
                    <td className="py-2 text-right">
                      {key.revokedAt ? (
                        <span className="text-slate-500">{key.revokedReason ? t('settings.apiKeys.revokedBecause', { reason: key.revokedReason }) : t('settings.apiKeys.revoked')}</span>
                      ) : canEdit ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="id" value={key.id} />
                          <Button variant="danger" aria-label={t('settings.apiKeys.revokeNamed', { name: key.name })}>
                            {t('settings.revoke')}
                          </Button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </Card>
    </div>
  )
}
