import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/session.server'
import { formatDateTime } from '#app/components/format'
import { Card, EmptyState, PageHeader } from '#app/components/ui/card'
import { PURPOSES } from '#app/forms/purposes'
import { listForms } from '#app/forms/queries.server'

export const meta: MetaFunction = () => [{ title: 'Forms · Splitform' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { workspace } = await requireMember(request)
  return { forms: await listForms({ workspaceId: workspace.id }) }
}

const purposeLabel = (id: string) => PURPOSES.find((p) => p.id === id)?.label ?? id

export default function FormsRoute() {
  const { forms } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader
        title="Forms"
        description="Forms turn visitors into leads: soft conversions (newsletter, download, webinar) give cold leads, hard conversions (demo, meeting, quote, contact sales) give hot leads."
      />
      {forms.length === 0 ? (
        <EmptyState title="No forms yet">
          <p>Create forms with <code>POST /api/v1/forms</code> (see the README). The visual form builder is not available yet.</p>
        </EmptyState>
      ) : (
        <Card title="All forms" description="The visual form builder is not available yet; forms are created through the API for now.">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>{['Name', 'Purpose', 'Conversion', 'Fields', 'Updated'].map((h) => <th key={h} className="py-2 pr-4 font-medium">{h}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {forms.map((f) => (
                  <tr key={f.id} data-testid="form-row">
                    <td className="py-2 pr-4 font-medium">{f.name}</td>
                    <td className="py-2 pr-4">{purposeLabel(f.purpose)}</td>
                    <td className="py-2 pr-4">
                      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${f.conversionType === 'hard' ? 'bg-orange-100 text-orange-800' : 'bg-sky-100 text-sky-800'}`}>
                        {f.conversionType === 'hard' ? 'hard · hot leads' : 'soft · cold leads'}
                      </span>
                    </td>
                    <td className="py-2 pr-4">{f.fieldCount}</td>
                    <td className="py-2 pr-4">{formatDateTime(f.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  )
}
