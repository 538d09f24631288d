import type { CustomField } from '@puckeditor/core'
import { useFetcher, useParams } from '@remix-run/react'
import { createContext, useContext, useEffect, useId, useRef, useState, type CSSProperties } from 'react'
import { buttonClass } from '#app/components/ui/button'
import type { FormDefinition } from '#app/forms/definition'
import { FormPreview } from '#app/forms/form-preview'
import { PurposeSelect } from '#app/forms/purpose-select'
import { type ConversionType, type PurposeId } from '#app/forms/purposes'
import { useMessage, useT } from '#app/i18n/provider'

// The page editor's side of the Form block: its form is chosen from the workspace's forms (or made there and then,
// the main call to action while the workspace has none), and the canvas shows that form as visitors will see it.
// Editor only; published pages render forms their own way.

/** A form the editor offers (not archived), as the editor route's loader returns it. */
export type FormChoice = { id: string; name: string; conversionType: ConversionType; definition: FormDefinition }

/**
 * The workspace's forms for the picker. A context rather than the field's closure: Puck keeps a custom field's
 * first render function, so a form made in the picker would never reach a closed-over list.
 */
export const FormChoicesContext = createContext<readonly FormChoice[]>([])

/** The Form block's "Form" field; `defaultPurpose` presets "Create a form" (from the block's template). */
export type FormPickerField = CustomField<string> & { defaultPurpose: PurposeId }

export function formPickerField(defaultPurpose: PurposeId): FormPickerField {
  return { type: 'custom', label: 'Form', defaultPurpose, render: FormPicker }
}

type NewFormAnswer = { form?: { id: string; name: string }; errors?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } }

/** The field as Puck renders it: the view below, with "Create a form" posting to editor.$pageId.form-blocks.ts. */
function FormPicker({ field, value, onChange, readOnly }: { field: CustomField<string>; value: string; onChange: (value: string) => void; readOnly?: boolean }) {
  const forms = useContext(FormChoicesContext)
  const { pageId } = useParams()
  const fetcher = useFetcher<NewFormAnswer>()
  const answer = fetcher.state === 'idle' ? fetcher.data : undefined
  // Selected once the answer is in: by then Remix has reloaded the editor's forms, so the list already holds it.
  const taken = useRef<string | null>(null)
  useEffect(() => {
    if (answer?.form && answer.form.id !== taken.current) {
      taken.current = answer.form.id
      onChange(answer.form.id)
    }
  }, [answer, onChange])
  const t = useT()
  const translate = useMessage()
  const messages = answer?.errors ? [...(answer.errors.formErrors ?? []), ...Object.values(answer.errors.fieldErrors ?? {}).flat()] : null
  const error = messages ? messages.map((m) => translate(m)).join(' ') || t('pages.formPicker.notCreated') : null
  return (
    <FormPickerView
      key={(field as FormPickerField).defaultPurpose}
      forms={forms}
      value={value}
      defaultPurpose={(field as FormPickerField).defaultPurpose ?? 'contact_sales'}
      busy={fetcher.state !== 'idle'}
      readOnly={readOnly}
      error={error}
      onChange={onChange}
      onCreate={(purpose) => fetcher.submit({ intent: 'newForm', purpose }, { method: 'post', action: `/editor/${pageId}/form-blocks` })}
    />
  )
}

/** The picker's markup, apart from Puck and Remix so it is tested on its own. */
export function FormPickerView({
  forms,
  value,
  defaultPurpose,
  busy,
  readOnly,
  error,
  onChange,
  onCreate,
}: {
  forms: readonly FormChoice[]
  value: string
  defaultPurpose: PurposeId
  busy: boolean
  readOnly?: boolean
  error: string | null
  onChange: (formId: string) => void
  onCreate: (purpose: PurposeId) => void
}) {
  const id = useId()
  // Keyed by the preset (FormPicker), so another block's template presets its own purpose.
  const [purpose, setPurpose] = useState<PurposeId>(defaultPurpose)
  const selected = forms.find((f) => f.id === value)
  const t = useT()
  return (
    <div className="grid gap-2 text-sm" data-testid="form-picker">
      <label htmlFor={`${id}-form`} className="font-medium text-slate-800">
        {t('leads.filters.form')}
      </label>
      <select id={`${id}-form`} value={value} disabled={readOnly} onChange={(e) => onChange(e.currentTarget.value)} className="rounded-md border-slate-300 py-1 text-sm">
        <option value="">{forms.length ? t('pages.formPicker.pick') : t('pages.formPicker.noForms')}</option>
        {forms.map((f) => (
          <option key={f.id} value={f.id}>
            {`${f.name} (${t('pages.refusal.conversionType', { type: f.conversionType })})`}
          </option>
        ))}
      </select>
      {selected ? (
        <a href={`/forms/${selected.id}`} target="_blank" rel="noreferrer" className="text-brand-700 underline">
          {t('pages.formPicker.edit')}
          <span className="sr-only"> ({t('pages.editor.newTab')})</span>
        </a>
      ) : null}
      <fieldset className={`grid gap-2 rounded-md p-2 ${forms.length ? 'ring-1 ring-slate-200' : 'bg-brand-50 ring-1 ring-brand-200'}`} disabled={readOnly || busy}>
        <legend className="px-1 font-medium text-slate-800">{forms.length ? t('pages.formPicker.orNew') : t('pages.formPicker.first')}</legend>
        {forms.length ? null : <p className="text-slate-700">{t('pages.formPicker.firstHint')}</p>}
        <label htmlFor={`${id}-purpose`}>{t('pages.formPicker.purpose')}</label>
        <PurposeSelect id={`${id}-purpose`} value={purpose} onChange={setPurpose} />
        <button type="button" onClick={() => onCreate(purpose)} className={forms.length ? buttonClass('secondary') : buttonClass('primary')}>
          {busy ? t('pages.formPicker.creating') : t('pages.formPicker.create')}
        </button>
        {error ? (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
    </div>
  )
}

const noticeStyle: CSSProperties = {
  padding: '1.5rem',
  border: '2px dashed var(--sf-border)',
  borderRadius: '.5rem',
  color: 'var(--sf-muted)',
  textAlign: 'center',
}

/** What the canvas shows where the published page will have the form. */
export function EditorFormSlot({ formId, forms }: { formId: string; forms: readonly FormChoice[] }) {
  const t = useT()
  if (!formId) {
    return (
      <div style={noticeStyle} data-testid="pick-a-form">
        <strong>{t('common.formSlot.pick')}</strong>
        <br />
        {t('common.formSlot.pickHint')}
      </div>
    )
  }
  const form = forms.find((f) => f.id === formId)
  if (!form) {
    return (
      <div style={noticeStyle} role="alert">
        <strong>{t('common.formSlot.gone')}</strong>
        <br />
        {t('common.formSlot.goneHint')}
      </div>
    )
  }
  return <FormPreview formId={form.id} definition={form.definition} />
}
