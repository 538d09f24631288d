import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { newFormDefinition } from '#app/forms/builder'
import { englishTranslator } from '#app/i18n/i18n'
import { createPuckConfig } from '#app/pages/puck-config'
import { buttonClass } from '#app/components/ui/button'
import { FormPickerView, type FormChoice } from './form-picker'

const forms: FormChoice[] = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Book a demo', conversionType: 'hard', definition: newFormDefinition({ purpose: 'demo_request' }) },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Newsletter', conversionType: 'soft', definition: newFormDefinition({ purpose: 'newsletter' }) },
]

function renderCanvas(formId: string) {
  const config = createPuckConfig({ forms, t: englishTranslator.t })
  const Root = config.root!.render!
  const Form = config.components.Form!.render
  return renderToStaticMarkup(createElement(Root, { children: createElement(Form, { formId, heading: 'Talk to us', text: '', id: 'f', puck: {} as never }) } as never))
}

function renderPicker(choices: readonly FormChoice[], value = '') {
  return renderToStaticMarkup(createElement(FormPickerView, { forms: choices, value, defaultPurpose: 'event_registration', busy: false, error: null, onChange: () => {}, onCreate: () => {} }))
}

test('the Form block picks its form from the workspace’s forms, under the label "Form"', () => {
  const field = createPuckConfig({ forms, t: englishTranslator.t }).components.Form!.fields!.formId
  expect(field).toMatchObject({ type: 'custom', label: 'Form' })
  const html = renderPicker(forms)
  expect(html).toMatch(/<label for="([^"]+)-form"[^>]*>Form<\/label><select id="\1-form"/)
  expect(html).toContain('<option value="" selected="">Pick a form</option>')
  expect(html).toContain(`<option value="${forms[0]!.id}">Book a demo (hard)</option>`)
  expect(html).toContain(`<option value="${forms[1]!.id}">Newsletter (soft)</option>`)
  expect(renderPicker([])).toContain('<option value="" selected="">No forms yet: create one below</option>')
})

test('"Create a form" is offered beside the forms, and is the main call to action, explained, when there are none', () => {
  const some = renderPicker(forms)
  expect(some).toContain('Or a new form')
  expect(some).toContain('>Create a form</button>')
  expect(some).not.toContain('Visitors become leads through a form')
  const none = renderPicker([])
  expect(none).toContain('Create this workspace’s first form')
  expect(none).toContain('Visitors become leads through a form')
  expect(none).toContain(buttonClass('primary'))
  // The purpose preset is the block's: here a webinar's registration.
  expect(none).toContain('<option value="event_registration" selected="">Webinar or event registration</option>')
})

test('the selected form links to the form builder in a new tab', () => {
  expect(renderPicker(forms)).not.toContain('Edit this form')
  expect(renderPicker(forms, forms[1]!.id)).toContain(`<a href="/forms/${forms[1]!.id}" target="_blank" rel="noreferrer" class="text-brand-700 underline">Edit this form`)
})

test('the picker presets "Create a form" with the purpose of the block’s template', () => {
  const form = createPuckConfig({ forms, t: englishTranslator.t }).components.Form!
  const resolve = (id: string) => (form.resolveFields!({ props: { id } } as never, { fields: form.fields } as never) as Record<string, { defaultPurpose?: string }>).formId?.defaultPurpose
  expect(resolve('Form-webinar-1')).toBe('event_registration')
  expect(resolve('Form-demo-1')).toBe('demo_request')
  expect(resolve('Form-3f0c')).toBe('contact_sales')
})

test('the canvas says "Pick a form" until one is chosen, then shows that form as visitors see it', () => {
  expect(renderCanvas('')).toContain('<strong>Pick a form</strong>')
  const html = renderCanvas(forms[0]!.id)
  expect(html).not.toContain('Pick a form')
  expect(html).toContain(`data-sf-form="${forms[0]!.id}"`)
  expect(html).toContain('Book a demo</button>')
  expect(renderCanvas('33333333-3333-4333-8333-333333333333')).toContain('This form is archived or no longer exists')
})
