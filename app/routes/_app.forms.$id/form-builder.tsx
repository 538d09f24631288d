import { zodResolver } from '@hookform/resolvers/zod'
import { useFetcher } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { FormProvider, useForm, useFormState, useWatch, type Resolver } from 'react-hook-form'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { BuilderSchema, toDefinitionInput, type BuilderValues } from '#app/forms/builder'
import { useMessage, useT } from '#app/i18n/provider'
import { BuilderPreview } from './builder-preview'
import { useBuilderForm } from './builder-inputs'
import { describePath, listErrors } from './error-summary'
import { FieldList } from './field-list'
import { FormSettings, StepsSettings } from './form-settings'
import type { action } from './route'
import { SuccessSettings, type AssetChoice, type PagePath } from './success-settings'

// The same schema as the server's validateFormDefinition (plus the name), so the marketer sees every problem
// before saving; the server validates again. The zod resolver's overloads need the concrete type; cast as in useZodForm.
const resolver = zodResolver(BuilderSchema as never) as unknown as Resolver<BuilderValues>

type Props = { formId: string; initial: BuilderValues; canEdit: boolean; assets: AssetChoice[]; pagePaths: PagePath[] }

export function FormBuilder({ formId, initial, canEdit, assets, pagePaths }: Props) {
  const form = useForm<BuilderValues>({ defaultValues: initial, resolver, mode: 'onTouched' })
  const save = useFetcher<typeof action>({ key: `save-form-${formId}` })
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(toDefinitionInput(initial)))
  const [postedJson, setPostedJson] = useState('')

  const onSave = form.handleSubmit(() => {
    const { name, definition } = toDefinitionInput(form.getValues())
    setPostedJson(JSON.stringify({ name, definition }))
    save.submit({ intent: 'save', name, definition: JSON.stringify(definition) }, { method: 'post' })
  })

  // The server's verdict: its errors go next to the inputs at the same paths; a save becomes the new baseline.
  const result = save.data
  useEffect(() => {
    if (!result) return
    if ('errors' in result) {
      for (const [path, messages] of Object.entries(result.errors.fieldErrors)) form.setError(path as never, { type: 'server', message: messages?.[0] })
      return
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the save's answer arrives as fetcher data, after the render
    if (result.done === 'save') setSavedJson(postedJson)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer
  }, [result])

  const formErrors = result && 'errors' in result ? result.errors.formErrors : []
  const t = useT()
  return (
    <FormProvider {...form}>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <form noValidate onSubmit={onSave} aria-label={t('formBuilder.label')} className="space-y-6">
          <Card title={t('formBuilder.settings')}>
            <fieldset disabled={!canEdit} className="contents">
              <FormSettings />
            </fieldset>
          </Card>
          <Card title={t('formBuilder.fieldsTitle')} description={t('formBuilder.fieldsDescription')}>
            <FieldList canEdit={canEdit} />
          </Card>
          <Card title={t('formBuilder.stepsTitle')}>
            <fieldset disabled={!canEdit} className="contents">
              <StepsSettings />
            </fieldset>
          </Card>
          <Card title={t('formBuilder.afterSubmitting')}>
            <fieldset disabled={!canEdit} className="contents">
              <SuccessSettings assets={assets} pagePaths={pagePaths} canEdit={canEdit} />
            </fieldset>
          </Card>
          {canEdit ? (
            <SaveBar savedJson={savedJson} isSaving={save.state !== 'idle'} formErrors={formErrors} justSaved={result !== undefined && 'done' in result && result.done === 'save'} />
          ) : (
            <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-600">{t('formBuilder.viewerNote')}</p>
          )}
        </form>
        <div className="lg:sticky lg:top-4">
          <BuilderPreview formId={formId} />
        </div>
      </div>
    </FormProvider>
  )
}

function SaveBar({ savedJson, isSaving, formErrors, justSaved }: { savedJson: string; isSaving: boolean; formErrors: string[]; justSaved: boolean }) {
  const { control } = useBuilderForm()
  const values = useWatch({ control }) as BuilderValues
  const { errors, submitCount } = useFormState({ control })
  const isDirty = JSON.stringify(toDefinitionInput(values)) !== savedJson
  const problems = submitCount > 0 ? listErrors(errors) : []
  const t = useT()
  const translate = useMessage()

  useEffect(() => {
    if (!isDirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [isDirty])

  return (
    <div className="sticky bottom-0 z-10 space-y-2 rounded-lg bg-white/95 p-4 shadow ring-1 ring-slate-200 backdrop-blur">
      {[...formErrors, ...problems].length ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
          <p className="font-medium">{t('formBuilder.fixProblems', { count: problems.length + formErrors.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {formErrors.map((message) => (
              <li key={message}>{translate(message)}</li>
            ))}
            {problems.map((p) => (
              <li key={p.path}>
                <span className="font-mono text-xs">{describePath(p.path, values, t)}</span>: {translate(p.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        {/* aria-disabled, not disabled, while saving: disabling the focused button dropped keyboard focus to the page's
            start. A click (or Enter's implicit one) meanwhile is cancelled, so a save is never sent twice. */}
        <Button aria-disabled={isSaving} className="aria-disabled:cursor-progress aria-disabled:opacity-70" onClick={(event) => isSaving && event.preventDefault()}>
          {isSaving ? t('formBuilder.saving') : t('formBuilder.save')}
        </Button>
        <span role="status" className="text-sm text-slate-500">
          {isDirty ? t('formBuilder.unsaved') : justSaved ? t('formBuilder.saved') : t('formBuilder.allSaved')}
        </span>
      </div>
    </div>
  )
}
