import { createContext, useContext, type ReactNode } from 'react'
import { z } from 'zod'
import { DynamicText } from '#app/pages/dynamic-text'
import { defineBlock, PlainText } from '#app/pages/blocks/block'
import css from './form.css?raw'

/**
 * Renders the form with this id inside a Form block. The forms feature provides it; without a provider the
 * block shows only its heading and text.
 */
export const FormSlotContext = createContext<(formId: string) => ReactNode>(() => null)

export const FormPropsSchema = z.object({
  formId: PlainText(100),
  heading: PlainText(200),
  text: PlainText(600),
})
export type FormProps = z.infer<typeof FormPropsSchema>

// id="form" is the target of every "scroll to form" button, so one Form block per page is expected.
function Form({ formId, heading, text }: FormProps) {
  return (
    <section id="form" className="sf-block sf-form" data-form-id={formId}>
      <div className="sf-wrap">
        <div className="sf-form__card">
          {heading.trim() ? (
            <h2>
              <DynamicText value={heading} />
            </h2>
          ) : null}
          {text.trim() ? (
            <p className="sf-form__text">
              <DynamicText value={text} />
            </p>
          ) : null}
          <FormSlot formId={formId} />
        </div>
      </div>
    </section>
  )
}

function FormSlot({ formId }: { formId: string }) {
  const renderForm = useContext(FormSlotContext)
  // A failing provider must cost the form, not the whole page (server rendering has no error boundaries).
  // The catch covers the provider's call, not the rendering of what it returns: React renders that later.
  try {
    return renderForm(formId)
  } catch {
    return null
  }
}

export const FormBlock = defineBlock<FormProps>({
  type: 'Form',
  label: 'Form',
  category: 'conversion',
  fields: {
    formId: { type: 'text', label: 'Form id' },
    heading: { type: 'text', label: 'Heading' },
    text: { type: 'textarea', label: 'Text' },
  },
  defaultProps: { formId: '', heading: 'Get in touch', text: 'Leave your details and we will get back to you within one business day.' },
  propsSchema: FormPropsSchema,
  render: Form,
  css,
})
