import type { SelectField } from '@puckeditor/core'
import type { CSSProperties } from 'react'
import type { FormDefinition } from '#app/forms/definition'
import { FormPreview } from '#app/forms/form-preview'
import type { ConversionType } from '#app/forms/purposes'

// The page editor's side of the Form block: its form is chosen from the workspace's forms, and the canvas shows
// that form as visitors will see it. Editor only; published pages render forms their own way.

/** A form the editor offers (not archived), as the editor route's loader returns it. */
export type FormChoice = { id: string; name: string; conversionType: ConversionType; definition: FormDefinition }

export function formPickerField(forms: readonly FormChoice[]): SelectField {
  return {
    type: 'select',
    label: 'Form',
    options: [{ label: forms.length ? 'Pick a form' : 'No forms yet: create one under Forms', value: '' }, ...forms.map((f) => ({ label: `${f.name} (${f.conversionType})`, value: f.id }))],
  }
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
  if (!formId) {
    return (
      <div style={noticeStyle} data-testid="pick-a-form">
        <strong>Pick a form</strong>
        <br />
        Choose one of your forms in this block's “Form” setting.
      </div>
    )
  }
  const form = forms.find((f) => f.id === formId)
  if (!form) {
    return (
      <div style={noticeStyle} role="alert">
        <strong>This form is archived or no longer exists</strong>
        <br />
        Pick another form in this block's “Form” setting.
      </div>
    )
  }
  return <FormPreview formId={form.id} definition={form.definition} />
}
