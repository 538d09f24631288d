import type { ReactNode } from 'react'
import type { Field, FormDefinition } from '#app/forms/definition'
import { otherKeyFor, OTHER_OPTION_VALUE } from '#app/forms/field-rules'
import type { DefaultValues } from '#app/forms/validation'
import { fillText } from '#app/visitor-language/format'
import type { FormText } from '#app/visitor-language/shape'

// The form a visitor fills in, as one component for three renderers: the published page (server, static
// markup, no JS needed), the enhancement bundle on that page (hydrated with preact/compat and react-hook-form)
// and the form builder's live preview. No server imports, no hooks: state comes in as props.

export type FieldErrors = Record<string, string[] | undefined>

/**
 * What the runtime posts next to the answers. Strings so the page template can put per-request tokens here. `x`:
 * the signed exposure of a view counted cookieless (app/published/exposure-token.server.ts), else empty.
 */
export type FormRuntime = { idem: string; t: string; variant: string; x?: string }

export type FormViewProps = {
  formId: string
  definition: FormDefinition
  /** The words the form itself writes (navigation, hints, markers), in the page's language. */
  text: FormText
  values: DefaultValues
  errors?: FieldErrors
  /** A problem with the whole submission (rate limit, network), shown above the button. */
  formError?: string
  /** 0-based step of a multi-step form. */
  step?: number
  /** No-JS multi-step: answers of the other steps, carried in hidden inputs from post to post. */
  carry?: DefaultValues
  runtime: FormRuntime
  /** react-hook-form's register (or nothing on the server): spread onto each input. */
  bind?: (name: string) => Record<string, unknown>
  /** With JS the "Other" text shows only when Other is chosen; without JS it is always there. */
  isEnhanced?: boolean
  isSubmitting?: boolean
  onBack?: () => void
  onSubmit?: (event: { preventDefault: () => void; currentTarget: HTMLFormElement }) => void
}

export const formElementId = (formId: string, key: string) => `sf-${formId}-${key}`

const AUTOCOMPLETE: Record<string, string> = {
  name: 'name',
  full_name: 'name',
  first_name: 'given-name',
  last_name: 'family-name',
  company: 'organization',
  company_name: 'organization',
  job_title: 'organization-title',
  country: 'country-name',
}

export function FormView(props: FormViewProps) {
  const { formId, definition, text, runtime, step = 0, errors = {}, carry } = props
  const steps = definition.steps
  const isLastStep = !steps || step >= steps.length - 1
  const stepKeys = steps ? new Set(steps[step]?.fieldKeys ?? []) : null
  const visible = definition.fields.filter((field) => !stepKeys || stepKeys.has(field.key))
  // Always novalidate: the browser's bubbles ("Please fill out this field") would stand beside, or instead of, the
  // form's own messages. With the page's script the schema checks before sending; without it the server answers
  // with the same messages (formMessages in validation.ts, in the page's language), so a bad field reads the same either way (issue 17). Rendered by the
  // server for both: hydration (preact/compat) keeps the server's attributes, so a client-only value never landed.
  return (
    <form method="post" className="sf-form__form" data-sf-form={formId} noValidate aria-busy={props.isSubmitting || undefined} onSubmit={props.onSubmit}>
      <input type="hidden" name="_form" value={formId} />
      <input type="hidden" name="_idem" value={runtime.idem} />
      <input type="hidden" name="_t" value={runtime.t} />
      <input type="hidden" name="_variant" value={runtime.variant} />
      <input type="hidden" name="_x" value={runtime.x ?? ''} />
      {steps ? <input type="hidden" name="_step" value={String(step)} /> : null}
      {/* A field people never see: bots that fill in everything give themselves away. */}
      <div className="sf-form__hp" aria-hidden="true">
        <label htmlFor={formElementId(formId, '_hp')}>{text.honeypot}</label>
        <input id={formElementId(formId, '_hp')} type="text" name="_hp" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {steps ? <StepProgress titles={steps.map((s) => s.title)} current={step} text={text} /> : null}
      {carry ? <CarriedAnswers values={carry} /> : null}
      {visible.map((field) => (
        <FieldView key={field.key} {...props} field={field} errors={errors} />
      ))}
      {props.formError ? (
        <p className="sf-form__error sf-form__error--form" role="alert">
          {props.formError}
        </p>
      ) : null}
      <div className="sf-form__actions">
        {steps && step > 0 ? (
          <button type={props.onBack ? 'button' : 'submit'} name="_back" value="1" formNoValidate className="sf-form__back" onClick={props.onBack}>
            {text.back}
          </button>
        ) : null}
        <button type="submit" disabled={props.isSubmitting}>
          {isLastStep ? definition.submitLabel : text.next}
        </button>
      </div>
    </form>
  )
}

function StepProgress({ titles, current, text }: { titles: string[]; current: number; text: FormText }) {
  return (
    <div className="sf-form__steps">
      <p className="sf-form__step-count">{fillText(text.stepOf, { current: current + 1, total: titles.length })}</p>
      <ol>
        {titles.map((title, i) => (
          <li key={i} aria-current={i === current ? 'step' : undefined} data-done={i < current ? '' : undefined}>
            {title}
          </li>
        ))}
      </ol>
    </div>
  )
}

function CarriedAnswers({ values }: { values: DefaultValues }) {
  const inputs: ReactNode[] = []
  for (const [name, value] of Object.entries(values)) {
    if (value === false || value === '') continue
    const list = Array.isArray(value) ? value : [value === true ? 'on' : value]
    list.forEach((item, i) => inputs.push(<input key={`${name}-${i}`} type="hidden" name={name} value={item} />))
  }
  return <>{inputs}</>
}

type FieldViewProps = FormViewProps & { field: Field; errors: FieldErrors }

function FieldView(props: FieldViewProps) {
  const { field, formId } = props
  if (field.type === 'hidden') return <input type="hidden" name={field.key} defaultValue={String(props.values[field.key] ?? '')} {...props.bind?.(field.key)} />
  const id = formElementId(formId, field.key)
  const error = props.errors[field.key]?.[0]
  const describedBy = [field.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const isGroup = field.type === 'radio' || field.type === 'checkboxes'
  const body = <FieldInput {...props} id={id} describedBy={describedBy} isInvalid={!!error} />
  const extras = (
    <>
      {field.help ? (
        <p id={`${id}-help`} className="sf-field__help">
          {field.help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="sf-form__error">
          {error}
        </p>
      ) : null}
    </>
  )
  if (field.type === 'consent') {
    return (
      <div className="sf-field sf-field--consent" data-invalid={error ? '' : undefined}>
        {body}
        {extras}
      </div>
    )
  }
  if (isGroup) {
    return (
      <fieldset className="sf-field" data-invalid={error ? '' : undefined} aria-describedby={describedBy}>
        <legend>
          {field.label}
          {field.required ? <RequiredMark text={props.text} /> : null}
        </legend>
        {body}
        {extras}
      </fieldset>
    )
  }
  return (
    <div className="sf-field" data-invalid={error ? '' : undefined}>
      <label htmlFor={id}>
        {field.label}
        {field.required ? <RequiredMark text={props.text} /> : null}
      </label>
      {body}
      {extras}
      {field.type === 'heard_about' ? <OtherInput {...props} /> : null}
    </div>
  )
}

// The star is for the eye; a screen reader hears the word ("required", "obligatoriskt"), not "star".
const RequiredMark = ({ text }: { text: FormText }) => (
  <>
    <span className="sf-field__required" aria-hidden="true">
      {' '}
      *
    </span>
    <span className="sf-visually-hidden"> ({text.requiredMark})</span>
  </>
)

type InputProps = FieldViewProps & { id: string; describedBy?: string; isInvalid: boolean }

function FieldInput({ field, text: words, values, bind, id, describedBy, isInvalid }: InputProps) {
  const value = values[field.key]
  const text = typeof value === 'string' ? value : ''
  const common = {
    id,
    name: field.key,
    required: field.required || undefined,
    'aria-invalid': isInvalid || undefined,
    'aria-describedby': describedBy,
    ...bind?.(field.key),
  }
  const placeholder = 'placeholder' in field ? field.placeholder : undefined
  switch (field.type) {
    case 'email':
      return <input type="email" autoComplete="email" maxLength={254} placeholder={placeholder} defaultValue={text} {...common} />
    case 'phone':
      return <input type="tel" autoComplete="tel" maxLength={30} placeholder={placeholder} defaultValue={text} {...common} />
    case 'text':
      return (
        <input
          type="text"
          autoComplete={AUTOCOMPLETE[field.key]}
          minLength={field.minLength}
          maxLength={field.maxLength ?? 200}
          pattern={field.pattern}
          title={field.pattern ? field.patternMessage : undefined}
          placeholder={placeholder}
          defaultValue={text}
          {...common}
        />
      )
    case 'textarea':
      return <textarea rows={4} minLength={field.minLength} maxLength={field.maxLength ?? 2000} placeholder={placeholder} defaultValue={text} {...common} />
    case 'number':
      return <input type="number" inputMode="decimal" step="any" min={field.min} max={field.max} placeholder={placeholder} defaultValue={text} {...common} />
    case 'date':
      return <input type="date" min={field.min} max={field.max} defaultValue={text} {...common} />
    case 'select':
    case 'heard_about':
      return (
        <select defaultValue={text} {...common}>
          <option value="">{placeholder || words.choose}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )
    case 'radio':
    case 'checkboxes': {
      const chosen = new Set(Array.isArray(value) ? value : [text])
      const { id: _id, 'aria-describedby': _d, ...rest } = common
      return (
        <div className="sf-field__options">
          {field.options.map((option, i) => (
            <label key={option.value} className="sf-field__option" htmlFor={`${id}-${i}`}>
              <input
                type={field.type === 'radio' ? 'radio' : 'checkbox'}
                value={option.value}
                defaultChecked={chosen.has(option.value)}
                {...rest}
                required={field.type === 'radio' ? rest.required : undefined}
                id={`${id}-${i}`}
              />{' '}
              {option.label}
            </label>
          ))}
        </div>
      )
    }
    case 'consent':
      return (
        <label className="sf-field__option" htmlFor={id}>
          <input type="checkbox" defaultChecked={value === true} {...common} required /> {field.consentText}
          <RequiredMark text={words} />
        </label>
      )
  }
}

function OtherInput({ field, formId, text, values, bind, errors, isEnhanced }: FieldViewProps) {
  const key = otherKeyFor(field.key)
  const id = formElementId(formId, key)
  const error = errors[key]?.[0]
  // With JS the field shows once Other is chosen (the enhancement re-renders on change).
  if (isEnhanced && values[field.key] !== OTHER_OPTION_VALUE) return null
  return (
    <div className="sf-field sf-field--other">
      <label htmlFor={id}>{isEnhanced ? text.otherWhere : text.otherWhereNoScript}</label>
      <input type="text" id={id} name={key} maxLength={200} defaultValue={String(values[key] ?? '')} aria-invalid={error ? true : undefined} {...bind?.(key)} />
      {error ? <p className="sf-form__error">{error}</p> : null}
    </div>
  )
}
