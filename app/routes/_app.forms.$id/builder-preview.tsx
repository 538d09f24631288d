import { useState } from 'react'
import { useWatch } from 'react-hook-form'
import { previewOf, type BuilderValues } from '#app/forms/builder'
import { FormPreview } from '#app/forms/form-preview'
import { SuccessView } from '#app/forms/render/success-view'
import baseCss from '#app/pages/blocks/base.css?raw'
import { useT } from '#app/i18n/provider'
import { FormBlock } from '#app/pages/blocks/form'
import { ENGLISH } from '#app/visitor-language/catalogue'
import { useBuilderForm } from './builder-inputs'

// The published page's own CSS for the form, so the preview looks as visitors will see it.
const PREVIEW_CSS = `${baseCss}\n${FormBlock.css}\n.sf-builder-preview .sf-block{padding:0}`

/** What visitors will see, from the valid parts of the form so far, updated as the marketer types. */
export function BuilderPreview({ formId }: { formId: string }) {
  const { control } = useBuilderForm()
  const values = useWatch({ control }) as BuilderValues
  const [step, setStep] = useState(0)
  const preview = previewOf(values)
  const steps = preview?.definition.steps
  const t = useT()
  return (
    <section aria-labelledby="preview-title" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {/* Not as a text child: React would escape the quotes in it on the server. Our own static CSS. */}
      <style dangerouslySetInnerHTML={{ __html: PREVIEW_CSS }} />
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-5 py-3">
        <h2 id="preview-title" className="text-base font-semibold">
          {t('formBuilder.preview.title')}
        </h2>
        {steps ? (
          <div role="group" aria-label={t('formBuilder.preview.step')} className="flex gap-1">
            {steps.map((s, i) => (
              <button
                key={i}
                type="button"
                aria-pressed={i === Math.min(step, steps.length - 1)}
                onClick={() => setStep(i)}
                className="rounded px-2 py-0.5 text-xs ring-1 ring-slate-300 aria-pressed:bg-brand-600 aria-pressed:text-white"
              >
                {i + 1}. {s.title}
              </button>
            ))}
          </div>
        ) : null}
      </header>
      <div className="sf-page sf-builder-preview p-5">
        {preview ? (
          <>
            {preview.hiddenFields ? <p className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">{t('formBuilder.preview.leftOut', { count: preview.hiddenFields })}</p> : null}
            <div className="sf-block sf-form">
              <div className="sf-form__card">
                <FormPreview formId={formId} definition={preview.definition} step={step} onStepChange={setStep} />
              </div>
            </div>
            <p className="mb-2 mt-6 font-sans text-sm font-semibold text-slate-600">{t('formBuilder.afterSubmitting')}</p>
            {/* Links here would leave the builder: shown, not followed. */}
            <div className="sf-block sf-form mt-2" onClickCapture={(event) => event.preventDefault()}>
              <div className="sf-form__card">
                {preview.definition.success.type === 'redirect' ? (
                  <p className="text-sm">{t('formBuilder.preview.redirect', { url: preview.definition.success.url })}</p>
                ) : (
                  <SuccessView success={preview.definition.success} downloadUrl="#download" text={ENGLISH.form} />
                )}
              </div>
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-500">{t('formBuilder.preview.empty')}</p>
        )}
      </div>
    </section>
  )
}
