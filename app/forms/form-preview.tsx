import { useMemo } from 'react'
import type { FormDefinition } from '#app/forms/definition'
import { FormView, type FormRuntime } from '#app/forms/render/form-view'
import { defaultValuesFor } from '#app/forms/validation'
import { ENGLISH } from '#app/visitor-language/catalogue'

// The visitor's form (FormView, the very component published pages render) shown to a marketer: in the form
// builder's live preview and in the page editor's canvas. It never submits anywhere. A form belongs to no page,
// so its preview has no page language: it speaks English, the language its builder writes its defaults in.

const PREVIEW_RUNTIME: FormRuntime = { idem: 'preview', t: '0', variant: 'preview' }
const NO_QUERY = new URLSearchParams()

export type FormPreviewProps = {
  formId: string
  definition: FormDefinition
  /** 0-based step of a multi-step form; with onStepChange, Next and Back move through the steps. */
  step?: number
  onStepChange?: (step: number) => void
}

export function FormPreview({ formId, definition, step = 0, onStepChange }: FormPreviewProps) {
  const values = useMemo(() => defaultValuesFor(definition, NO_QUERY), [definition])
  const lastStep = (definition.steps?.length ?? 1) - 1
  const current = Math.min(step, lastStep)
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault()
    if (current < lastStep) onStepChange?.(current + 1)
  }
  return (
    // Keyed by the definition: FormView's inputs are uncontrolled, so a changed default value needs a fresh input.
    <div key={JSON.stringify(definition)} onSubmitCapture={onSubmit} data-testid="form-preview">
      <FormView
        formId={formId}
        definition={definition}
        text={ENGLISH.form}
        values={values}
        runtime={PREVIEW_RUNTIME}
        step={current}
        onBack={onStepChange && current > 0 ? () => onStepChange(current - 1) : undefined}
      />
    </div>
  )
}
