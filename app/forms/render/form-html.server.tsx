import { renderToStaticMarkup } from 'react-dom/server'
import type { FormDefinition, SuccessAction } from '#app/forms/definition'
import { defaultValuesFor, type DefaultValues } from '#app/forms/validation'
import { compileTemplate, generatedMarker, type HtmlTemplate } from '#app/published/html-template'
import { FormView, type FieldErrors } from './form-view'
import { SuccessView } from './success-view'

// Published pages get forms as HTML strings: a template once per form version (with per-request holes for the
// idempotency key and timestamp), or a full render per request when the form shows errors, a later step,
// prefilled values or its success state.

/** What the enhancement bundle needs to rebuild the validation schema; no success details (asset URLs stay server-side). */
export function publicDefinition(definition: FormDefinition): FormDefinition {
  return { ...definition, success: { type: 'message', message: '' } }
}

function definitionScript(formId: string, definition: FormDefinition) {
  // `<` escaped so no answer text or label can close the script element.
  const json = JSON.stringify(publicDefinition(definition)).replace(/</g, '\\u003c')
  return `<script type="application/json" data-sf-definition="${formId}">${json}</script>`
}

export type FormState = {
  values?: DefaultValues
  errors?: FieldErrors
  formError?: string
  step?: number
  carry?: DefaultValues
}

export function renderFormHtml({
  formId,
  definition,
  variantKey,
  runtime,
  query = new URLSearchParams(),
  state = {},
}: {
  formId: string
  definition: FormDefinition
  variantKey: string
  runtime: { idem: string; t: string }
  query?: URLSearchParams
  state?: FormState
}) {
  const values = state.values ?? defaultValuesFor(definition, query)
  const markup = renderToStaticMarkup(
    <div className="sf-form__slot" data-sf-slot={formId}>
      <FormView
        formId={formId}
        definition={definition}
        values={values}
        errors={state.errors}
        formError={state.formError}
        step={state.step}
        carry={state.carry}
        runtime={{ ...runtime, variant: variantKey }}
      />
    </div>,
  )
  return markup + definitionScript(formId, definition)
}

/** The form in its initial state, with holes for the per-request idempotency key and timestamp. */
export function renderFormTemplate({ formId, definition, variantKey }: { formId: string; definition: FormDefinition; variantKey: string }): HtmlTemplate {
  return compileTemplate(renderFormHtml({ formId, definition, variantKey, runtime: { idem: generatedMarker('idem'), t: generatedMarker('t') } }))
}

export function renderSuccessHtml(success: SuccessAction, downloadUrl: string | null) {
  return renderToStaticMarkup(
    <div className="sf-form__slot">
      <SuccessView success={success} downloadUrl={downloadUrl} />
    </div>,
  )
}
