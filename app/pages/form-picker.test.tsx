import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { newFormDefinition } from '#app/forms/builder'
import { createPuckConfig } from '#app/pages/puck-config'
import type { FormChoice } from './form-picker'

const forms: FormChoice[] = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Book a demo', conversionType: 'hard', definition: newFormDefinition({ purpose: 'demo_request' }) },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Newsletter', conversionType: 'soft', definition: newFormDefinition({ purpose: 'newsletter' }) },
]

function renderCanvas(formId: string) {
  const config = createPuckConfig({ forms })
  const Root = config.root!.render!
  const Form = config.components.Form!.render
  return renderToStaticMarkup(createElement(Root, { children: createElement(Form, { formId, heading: 'Talk to us', text: '', id: 'f', puck: {} as never }) } as never))
}

test('the Form block picks its form from the workspace’s forms', () => {
  const field = createPuckConfig({ forms }).components.Form!.fields!.formId
  expect(field).toEqual({
    type: 'select',
    label: 'Form',
    options: [
      { label: 'Pick a form', value: '' },
      { label: 'Book a demo (hard)', value: forms[0]!.id },
      { label: 'Newsletter (soft)', value: forms[1]!.id },
    ],
  })
  expect(createPuckConfig({ forms: [] }).components.Form!.fields!.formId).toMatchObject({ options: [{ label: 'No forms yet: create one under Forms', value: '' }] })
})

test('the canvas says "Pick a form" until one is chosen, then shows that form as visitors see it', () => {
  expect(renderCanvas('')).toContain('<strong>Pick a form</strong>')
  const html = renderCanvas(forms[0]!.id)
  expect(html).not.toContain('Pick a form')
  expect(html).toContain(`data-sf-form="${forms[0]!.id}"`)
  expect(html).toContain('Book a demo</button>')
  expect(renderCanvas('33333333-3333-4333-8333-333333333333')).toContain('This form is archived or no longer exists')
})
