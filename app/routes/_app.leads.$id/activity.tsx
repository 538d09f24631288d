import { Form } from '@remix-run/react'
import { formatMoney } from '#app/components/format'
import { useDateTime } from '#app/components/use-date-time'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { useZodForm } from '#app/components/zod-form'
import type { FormErrors } from '#app/http/form-data.server'
import { useMessage, useT } from '#app/i18n/provider'
import { STAGE_KEYS } from '#app/leads/labels'
import { LeadNoteSchema } from '#app/leads/schema'
import type { LeadStage } from '#db/schema'

type Change = { id: string; fromStage: LeadStage; toStage: LeadStage; dealValue: number | null; source: string; changedByName: string | null; createdAt: Date | string }

export function StageHistory({ changes, currency }: { changes: Change[]; currency: string }) {
  const { dateTime } = useDateTime()
  const t = useT()
  const byWhom = (c: Change) => c.changedByName ?? (c.source === 'api' ? t('leads.history.byApiKey') : c.source === 'score' ? t('leads.history.byScoreRules') : t('leads.history.byFormerMember'))
  return (
    <Card title={t('leads.history.title')}>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-600">{t('leads.history.empty')}</p>
      ) : (
        <ol className="space-y-2 text-sm">
          {changes.map((c) => (
            <li key={c.id} data-testid="stage-change">
              <span className="font-medium">
                {c.fromStage === c.toStage ? t('leads.history.newDealValue', { stage: t(STAGE_KEYS[c.toStage]) }) : `${t(STAGE_KEYS[c.fromStage])} → ${t(STAGE_KEYS[c.toStage])}`}
              </span>
              {c.dealValue !== null ? ` (${formatMoney(c.dealValue, currency)})` : ''}
              <span className="block text-slate-500">
                {t('leads.history.by', { who: byWhom(c) })} · {dateTime(c.createdAt)}
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
  const { dateTime } = useDateTime()
  const t = useT()
  return (
    <Card title={t('leads.notes.title')} description={t('leads.notes.description')}>
      {/* Keyed by the count: a fresh form (and form state) once a note was added, so the box is empty again. */}
      {canEdit ? <NoteForm key={notes.length} errors={errors} saved={saved} /> : null}
      {notes.length === 0 ? (
        <p className="text-sm text-slate-600">{t('leads.notes.empty')}</p>
      ) : (
        <ol className="space-y-3 text-sm">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="whitespace-pre-wrap break-words">{n.body}</p>
              <p className="text-slate-500">
                {n.authorName ?? t('leads.notes.formerMember')} · {dateTime(n.createdAt)}
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
  const t = useT()
  const translate = useMessage()
  return (
    <ZodForm method="post" onSubmit={onSubmit} noValidate className="mb-4 space-y-2">
      <input type="hidden" name="intent" value="note" />
      <label htmlFor="note-body" className="sr-only">
        {t('leads.notes.newNote')}
      </label>
      <textarea
        id="note-body"
        rows={3}
        maxLength={5000}
        placeholder={t('leads.notes.placeholder')}
        {...form.register('body')}
        aria-invalid={errorFor('body') ? true : undefined}
        className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
      />
      {errorFor('body') ? <p className="text-sm text-red-600">{translate(errorFor('body'))}</p> : null}
      <Button variant="secondary" disabled={isSubmitting}>
        {t('leads.notes.add')}
      </Button>
      {saved ? (
        <p role="status" className="text-sm text-green-700">
          {t('leads.notes.added')}
        </p>
      ) : null}
    </ZodForm>
  )
}

/** GDPR erasure. The checkbox is the confirmation without JavaScript; with it, a dialog asks once more. */
export function EraseForm({ errors }: { errors?: FormErrors }) {
  const error = errors?.fieldErrors.confirm?.[0]
  const t = useT()
  const translate = useMessage()
  return (
    <Card title={t('leads.erase.title')} description={t('leads.erase.description')}>
      <Form
        method="post"
        className="space-y-3"
        onSubmit={(e) => {
          if (!confirm(t('leads.erase.confirm'))) e.preventDefault()
        }}
      >
        <input type="hidden" name="intent" value="erase" />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirm" required aria-invalid={error ? true : undefined} className="mt-1" />
          {t('leads.erase.understand')}
        </label>
        {error ? <p className="text-sm text-red-600">{translate(error)}</p> : null}
        <Button variant="danger">{t('leads.erase.submit')}</Button>
      </Form>
    </Card>
  )
}
