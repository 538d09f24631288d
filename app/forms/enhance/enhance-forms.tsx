// The script published pages with a form load (deferred, its size is in docs/performance.md): it hydrates each server-
// rendered form with react-hook-form + zodResolver, using the same FormView and the same zod schema as the
// server, and posts with fetch so the visitor stays on the page. Built by build-bundle.ts with React aliased
// to preact/compat. Without it (JS off, or before it loads) the plain HTML form works on its own. It holds no
// words of its own: the page carries its language's text next to each form (form-html.server.tsx).
import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useRef, useState } from 'react'
import { hydrate } from 'react-dom'
import { useForm, type FieldValues } from 'react-hook-form'
import type { FormDefinition, SuccessAction } from '#app/forms/definition'
import { otherKeyFor } from '#app/forms/field-rules'
import { FormView, type FieldErrors } from '#app/forms/render/form-view'
import { SuccessView } from '#app/forms/render/success-view'
import { buildSubmissionSchema, fieldsForStep, type DefaultValues } from '#app/forms/validation'
import type { FormLanguage } from '#app/visitor-language/format'

type Runtime = { idem: string; t: string; variant: string; x: string }
type Accepted = { success: SuccessAction & { downloadUrl?: string | null } }

function readInitialValues(form: HTMLFormElement, definition: FormDefinition): DefaultValues {
  const data = new FormData(form)
  const values: DefaultValues = {}
  for (const field of definition.fields) {
    if (field.type === 'checkboxes') values[field.key] = data.getAll(field.key).map(String)
    else if (field.type === 'consent') values[field.key] = data.get(field.key) !== null
    else values[field.key] = String(data.get(field.key) ?? '')
    if (field.type === 'heard_about') values[otherKeyFor(field.key)] = String(data.get(otherKeyFor(field.key)) ?? '')
  }
  return values
}

const stepKeys = (definition: FormDefinition, step: number) => fieldsForStep(definition, step).flatMap((field) => (field.type === 'heard_about' ? [field.key, otherKeyFor(field.key)] : [field.key]))

type EnhancedFormProps = { formId: string; definition: FormDefinition; language: FormLanguage; initial: DefaultValues; runtime: Runtime; initialStep: number }

function EnhancedForm({ formId, definition, language, initial, runtime, initialStep }: EnhancedFormProps) {
  const schema = useMemo(() => buildSubmissionSchema(definition, { language }), [definition, language])
  const { text } = language
  // raw: post what the visitor typed; the server parses it with the same schema. Messages appear on submit (or Next),
  // then follow the visitor's corrections as they type, as Typeform's and HubSpot's forms do. Not on leaving a field
  // (onTouched): a message appearing on blur pushed the submit button down under the pointer between mouse-down and
  // click, and the click that left the field was lost (issue 17).
  const form = useForm<FieldValues>({ defaultValues: initial, resolver: zodResolver(schema, undefined, { raw: true }), mode: 'onSubmit', reValidateMode: 'onChange' })
  const [step, setStep] = useState(initialStep)
  const [accepted, setAccepted] = useState<Accepted | null>(null)
  const [formError, setFormError] = useState<string>()
  const honeypot = useRef('')
  const lastStep = definition.steps ? definition.steps.length - 1 : 0
  const errors: FieldErrors = {}
  for (const [key, error] of Object.entries(form.formState.errors)) if (error?.message) errors[key] = [String(error.message)]

  async function send(values: FieldValues) {
    setFormError(undefined)
    const body = { ...values, _form: formId, _idem: runtime.idem, _t: runtime.t, _variant: runtime.variant, _x: runtime.x, _hp: honeypot.current, ...(definition.steps ? { _step: lastStep } : {}) }
    let response: Response
    try {
      response = await fetch(location.href, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
    } catch {
      // Same idempotency key on the retry: if the first one did arrive, it is not stored twice.
      return setFormError(text.unreachable)
    }
    const json = await response.json().catch(() => ({}))
    if (response.status === 201) {
      if (json.success?.type === 'redirect') return location.assign(json.success.url)
      return setAccepted(json)
    }
    if (response.status === 400 && json.errors) {
      const keys = Object.keys(json.errors)
      for (const key of keys) if (key in values) form.setError(key, { message: json.errors[key][0] })
      const other = keys.filter((key) => !(key in values))
      if (other.length) setFormError(json.errors[other[0]!][0])
      const firstStep = definition.steps?.findIndex((s) => s.fieldKeys.some((k) => keys.includes(k) || keys.includes(otherKeyFor(k))))
      if (firstStep !== undefined && firstStep >= 0) setStep(firstStep)
      return
    }
    setFormError(json.error ?? text.failed)
  }

  async function onSubmit(event: { preventDefault: () => void; currentTarget: HTMLFormElement }) {
    event.preventDefault()
    honeypot.current = (event.currentTarget.elements.namedItem('_hp') as HTMLInputElement | null)?.value ?? ''
    if (step < lastStep) {
      if (await form.trigger(stepKeys(definition, step))) setStep(step + 1)
      return
    }
    await form.handleSubmit(send)()
  }

  if (accepted) return <SuccessView success={accepted.success} downloadUrl={accepted.success.downloadUrl} text={text} />
  return (
    <FormView
      formId={formId}
      definition={definition}
      text={text}
      values={{ ...initial, ...form.watch() }}
      errors={errors}
      formError={formError}
      step={step}
      runtime={runtime}
      bind={(name) => form.register(name)}
      isEnhanced
      isSubmitting={form.formState.isSubmitting}
      onBack={() => setStep(Math.max(0, step - 1))}
      onSubmit={onSubmit}
    />
  )
}

const WAKE_EVENTS = ['focusin', 'pointerdown', 'touchstart'] as const

function enhance(slot: HTMLElement) {
  const formId = slot.dataset.sfSlot!
  const script = document.querySelector<HTMLScriptElement>(`script[data-sf-definition="${formId}"]`)
  const languageScript = document.querySelector<HTMLScriptElement>(`script[data-sf-language="${formId}"]`)
  const form = slot.querySelector('form')
  if (!script || !languageScript || !form) return
  const definition = JSON.parse(script.textContent!) as FormDefinition
  const language = JSON.parse(languageScript.textContent!) as FormLanguage
  const hidden = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? ''
  const runtime = { idem: hidden('_idem'), t: hidden('_t'), variant: hidden('_variant'), x: hidden('_x') }
  const step = Number(hidden('_step') || 0)
  hydrate(<EnhancedForm formId={formId} definition={definition} language={language} initial={readInitialValues(form, definition)} runtime={runtime} initialStep={step} />, slot)
  slot.dataset.sfEnhanced = ''
}

// Each form hydrates when the visitor reaches for it (focus, pointer or touch inside it), not at load: hydrating
// costs a phone's main thread ~50 ms (4× slowed, the page's longest task), which visitors who only read the page
// never need, and the server-rendered form works until then. The event that wakes it is the one a submit or a
// keystroke follows, so the form is enhanced before it is used. A field focused before this script ran (autofocus)
// wakes it at once.
document.querySelectorAll<HTMLElement>('[data-sf-slot]').forEach((slot) => {
  const start = () => {
    for (const type of WAKE_EVENTS) slot.removeEventListener(type, start, true)
    try {
      enhance(slot)
    } catch (error) {
      console.error('Form enhancement failed; the form still works without it.', error)
    }
  }
  if (slot.contains(document.activeElement)) return start()
  for (const type of WAKE_EVENTS) slot.addEventListener(type, start, { capture: true, passive: true })
})
