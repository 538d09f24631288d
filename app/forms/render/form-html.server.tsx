import { renderToStaticMarkup } from 'react-dom/server'
import type { FormDefinition, SuccessAction } from '#app/forms/definition'
import { defaultValuesFor, type DefaultValues } from '#app/forms/validation'
import { compileTemplate, generatedMarker, type HtmlTemplate } from '#app/published/html-template'
import type { FormLanguage } from '#app/visitor-language/format'
import type { FormText } from '#app/visitor-language/shape'
import { FormView, type FieldErrors } from './form-view'
import { SuccessView } from './success-view'

// Published pages get forms as HTML strings: a template once per form version (with per-request holes for the
// idempotency key and timestamp), or a full render per request when the form shows errors, a later step,
// prefilled values or its success state.

/** What the enhancement bundle needs to rebuild the validation schema; no success details (asset URLs stay server-side). */
export function publicDefinition(definition: FormDefinition): FormDefinition {
  return { ...definition, success: { type: 'message', message: '' } }
}

// `<` escaped so no answer text or label can close the script element.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/**
 * The definition, and the page's language (its tag and its catalogue's form text, ~2 KB), for the page script:
 * the script carries no catalogue of its own, so a page ships its one language, never all nine (decision 073).
 */
function definitionScript(formId: string, definition: FormDefinition, language: FormLanguage) {
  return (
    `<script type="application/json" data-sf-definition="${formId}">${scriptJson(publicDefinition(definition))}</script>` +
    `<script type="application/json" data-sf-language="${formId}">${scriptJson(language)}</script>`
  )
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
  language,
  variantKey,
  runtime,
  query = new URLSearchParams(),
  state = {},
}: {
  formId: string
  /** As the page's visitors read it (localizeDefinition): what is rendered and validated. */
  definition: FormDefinition
  language: FormLanguage
  variantKey: string
  runtime: { idem: string; t: string; x?: string }
  query?: URLSearchParams
  state?: FormState
}) {
  const values = state.values ?? defaultValuesFor(definition, query)
  const markup = renderToStaticMarkup(
    <div className="sf-form__slot" data-sf-slot={formId}>
      <FormView
        formId={formId}
        definition={definition}
        text={language.text}
        values={values}
        errors={state.errors}
        formError={state.formError}
        step={state.step}
        carry={state.carry}
        runtime={{ ...runtime, variant: variantKey }}
      />
    </div>,
  )
  return markup + definitionScript(formId, definition, language)
}

/** The form in its initial state, with holes for the per-request idempotency key, timestamp and exposure token. */
export function renderFormTemplate({ formId, definition, language, variantKey }: { formId: string; definition: FormDefinition; language: FormLanguage; variantKey: string }): HtmlTemplate {
  return compileTemplate(renderFormHtml({ formId, definition, language, variantKey, runtime: { idem: generatedMarker('idem'), t: generatedMarker('t'), x: generatedMarker('x') } }))
}

export function renderSuccessHtml(success: SuccessAction, downloadUrl: string | null, text: FormText) {
  return renderToStaticMarkup(
    <div className="sf-form__slot">
      <SuccessView success={success} downloadUrl={downloadUrl} text={text} />
    </div>,
  )
}
