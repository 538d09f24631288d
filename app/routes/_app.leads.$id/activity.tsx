import { Form } from '@remix-run/react'
import { formatDateTime, formatMoney } from '#app/components/format'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { useZodForm } from '#app/components/zod-form'
import type { FormErrors } from '#app/http/form-data.server'
import { LeadNoteSchema } from '#app/leads/schema'
import { STAGE_LABELS } from '#app/leads/stages'
import type { LeadStage } from '#db/schema'

type Change = { id: string; fromStage: LeadStage; toStage: LeadStage; dealValue: number | null; source: string; changedByName: string | null; createdAt: Date | string }

const BY_SOURCE: Record<string, string> = { api: 'an API key', score: 'the score rules (automatic)' }

export function StageHistory({ changes, currency }: { changes: Change[]; currency: string }) {
  return (
    <Card title="History">
      {changes.length === 0 ? (
        <p className="text-sm text-slate-600">No stage changes yet.</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {changes.map((c) => (
            <li key={c.id} data-testid="stage-change">
              <span className="font-medium">{c.fromStage === c.toStage ? `${STAGE_LABELS[c.toStage]}: new deal value` : `${STAGE_LABELS[c.fromStage]} → ${STAGE_LABELS[c.toStage]}`}</span>
              {c.dealValue !== null ? ` (${formatMoney(c.dealValue, currency)})` : ''}
              <span className="block text-slate-500">
                by {c.changedByName ?? BY_SOURCE[c.source] ?? 'a former member'} · {formatDateTime(c.createdAt)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}

type Note = { id: string; body: string; authorName: string | null; createdAt: Date | string }

export function NotesCard({ notes, canEdit, errors, saved }: { notes: Note[]; canEdit: boolean; errors?: FormErrors; saved: boolean }) {
  return (
    <Card title="Notes" description="Only members of this workspace see notes.">
      {/* Keyed by the count: a fresh form (and form state) once a note was added, so the box is empty again. */}
      {canEdit ? <NoteForm key={notes.length} errors={errors} saved={saved} /> : null}
      {notes.length === 0 ? (
        <p className="text-sm text-slate-600">No notes yet.</p>
      ) : (
        <ol className="space-y-3 text-sm">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="whitespace-pre-wrap break-words">{n.body}</p>
              <p className="text-slate-500">
                {n.authorName ?? 'A former member'} · {formatDateTime(n.createdAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}

function NoteForm({ errors, saved }: { errors?: FormErrors; saved: boolean }) {
  const { form, onSubmit, errorFor, isSubmitting, Form: ZodForm } = useZodForm(LeadNoteSchema, errors)
  return (
    <ZodForm method="post" onSubmit={onSubmit} noValidate className="mb-4 space-y-2">
      <input type="hidden" name="intent" value="note" />
      <label htmlFor="note-body" className="sr-only">
        New note
      </label>
      <textarea
        id="note-body"
        rows={3}
        maxLength={5000}
        placeholder="Called, wants a quote by Friday…"
        {...form.register('body')}
        aria-invalid={errorFor('body') ? true : undefined}
        className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
      />
      {errorFor('body') ? <p className="text-sm text-red-600">{errorFor('body')}</p> : null}
      <Button variant="secondary" disabled={isSubmitting}>
        Add note
      </Button>
      {saved ? (
        <p role="status" className="text-sm text-green-700">
          Note added.
        </p>
      ) : null}
    </ZodForm>
  )
}

/** GDPR erasure. The checkbox is the confirmation without JavaScript; with it, a dialog asks once more. */
export function EraseForm({ errors }: { errors?: FormErrors }) {
  const error = errors?.fieldErrors.confirm?.[0]
  return (
    <Card
      title="Erase personal data"
      description="For a deletion request: removes contact details, answers and notes for good. Counts and conversions stay, anonymous, so page and experiment results do not change."
    >
      <Form
        method="post"
        className="space-y-3"
        onSubmit={(e) => {
          if (!confirm('Erase this lead’s personal data? This cannot be undone.')) e.preventDefault()
        }}
      >
        <input type="hidden" name="intent" value="erase" />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirm" required aria-invalid={error ? true : undefined} className="mt-1" />I understand this cannot be undone.
        </label>
        {error ? <p className="text-sm text-red-600">{error}</p> : null}
        <Button variant="danger">Erase lead</Button>
      </Form>
    </Card>
  )
}
