import { useFetcher } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { useWatch } from 'react-hook-form'
import { ASSET_ACCEPT, assetContentTypeFor, MAX_ASSET_BYTES, MAX_ASSET_MB } from '#app/assets/files'
import { formatBytes } from '#app/components/format'
import { useMessage, useT } from '#app/i18n/provider'
import { Checkbox, SelectInput, TextArea, TextInput, useBuilderForm } from './builder-inputs'
import type { action } from './route'

export type AssetChoice = { id: string; filename: string; size: number; url: string }
export type PagePath = { path: string; name: string }

const SUCCESS_TYPES = [
  { value: 'message', label: 'formBuilder.success.message' },
  { value: 'redirect', label: 'formBuilder.success.redirect' },
  { value: 'asset', label: 'formBuilder.success.asset' },
] as const

/** What happens after a submission: a message, a redirect, or a file by expiring link; plus an optional next step. */
export function SuccessSettings({ assets, pagePaths, canEdit }: { assets: AssetChoice[]; pagePaths: PagePath[]; canEdit: boolean }) {
  const { control, register } = useBuilderForm()
  const type = useWatch({ control, name: 'success.type' })
  const hasNextStep = useWatch({ control, name: 'success.hasNextStep' })
  const t = useT()
  return (
    <div className="grid gap-4">
      <fieldset>
        <legend className="sr-only">{t('formBuilder.afterSubmitting')}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {SUCCESS_TYPES.map((choice) => (
            <label key={choice.value} className="flex items-center gap-2 rounded-md p-2 text-sm ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-600">
              <input type="radio" value={choice.value} {...register('success.type')} /> {t(choice.label)}
            </label>
          ))}
        </div>
      </fieldset>
      {type === 'message' ? <TextArea path="success.message" label={t('formBuilder.success.messageLabel')} maxLength={1000} /> : null}
      {type === 'redirect' ? (
        <TextInput path="success.url" label={t('formBuilder.success.address')} type="url" placeholder="https://example.com/thank-you" hint={t('formBuilder.success.addressHint')} />
      ) : null}
      {type === 'asset' ? <AssetSettings assets={assets} canEdit={canEdit} /> : null}
      {type !== 'redirect' ? (
        <>
          <Checkbox path="success.hasNextStep" label={t('formBuilder.success.nextStep')} hint={t('formBuilder.success.nextStepHint')} />
          {hasNextStep ? (
            <div className="grid gap-4 md:grid-cols-2">
              <TextInput path="success.nextStep.text" label={t('formBuilder.success.nextStepText')} maxLength={200} placeholder={t('formBuilder.success.nextStepTextPlaceholder')} />
              <TextInput
                path="success.nextStep.url"
                label={t('formBuilder.success.nextStepLink')}
                list="next-step-pages"
                placeholder={t('formBuilder.success.nextStepLinkPlaceholder')}
                hint={t('formBuilder.success.nextStepLinkHint')}
              />
              <datalist id="next-step-pages">
                {pagePaths.map((p) => (
                  <option key={p.path} value={p.path}>
                    {p.name}
                  </option>
                ))}
              </datalist>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  )
}

function AssetSettings({ assets, canEdit }: { assets: AssetChoice[]; canEdit: boolean }) {
  const { control, register, setValue } = useBuilderForm()
  const source = useWatch({ control, name: 'success.assetSource' })
  const assetId = useWatch({ control, name: 'success.assetId' })
  const [uploaded, setUploaded] = useState<AssetChoice[]>([])
  // The new upload is offered at once, before the loader's list comes back with it.
  const choices = [...uploaded.filter((u) => !assets.some((a) => a.id === u.id)), ...assets]
  const chosen = choices.find((a) => a.id === assetId)
  const t = useT()
  return (
    <div className="grid gap-4 rounded-md bg-slate-50 p-4">
      <TextInput path="success.label" label={t('formBuilder.success.downloadLabel')} maxLength={100} placeholder={t('formBuilder.success.downloadLabelPlaceholder')} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('formBuilder.success.theFile')}</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" value="upload" {...register('success.assetSource')} /> {t('formBuilder.success.uploadedHere')}
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="url" {...register('success.assetSource')} /> {t('formBuilder.success.hostedElsewhere')}
          </label>
        </div>
      </fieldset>
      {source === 'url' ? (
        <TextInput path="success.assetUrl" label={t('formBuilder.success.fileAddress')} type="url" placeholder="https://cdn.example.com/guide.pdf" hint={t('formBuilder.success.fileAddressHint')} />
      ) : (
        <>
          <SelectInput
            path="success.assetId"
            label={t('formBuilder.success.uploadedFile')}
            choices={[
              { value: '', label: choices.length ? t('formBuilder.success.chooseFile') : t('formBuilder.success.noFiles') },
              ...choices.map((a) => ({ value: a.id, label: `${a.filename} (${formatBytes(a.size)})` })),
            ]}
          />
          {chosen?.url ? (
            <a href={chosen.url} className="text-sm text-brand-700 underline">
              {t('formBuilder.success.downloadToCheck', { filename: chosen.filename })}
            </a>
          ) : null}
          {canEdit ? (
            <AssetUpload
              onUploaded={(asset) => {
                setUploaded((list) => [asset, ...list])
                // After the render that adds the option, so the select can show it.
                requestAnimationFrame(() => setValue('success.assetId', asset.id, { shouldDirty: true, shouldValidate: true }))
              }}
            />
          ) : null}
        </>
      )}
      <p className="text-xs text-slate-500">{t('formBuilder.success.linkNote')}</p>
    </div>
  )
}

function AssetUpload({ onUploaded }: { onUploaded: (asset: AssetChoice) => void }) {
  const upload = useFetcher<typeof action>()
  const input = useRef<HTMLInputElement>(null)
  const id = useId()
  const [problem, setProblem] = useState('')
  const t = useT()
  const translate = useMessage()
  const result = upload.data
  useEffect(() => {
    if (result && 'asset' in result && result.asset) onUploaded({ ...result.asset, url: '' })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per upload result
  }, [result])
  const send = () => {
    const file = input.current?.files?.[0]
    if (!file) return
    // The server checks both again; these only save a pointless upload.
    if (file.size > MAX_ASSET_BYTES) return setProblem(t('formBuilder.success.tooLarge', { mb: MAX_ASSET_MB }))
    if (!assetContentTypeFor(file.name)) return setProblem(t('formBuilder.success.typeNotAllowed'))
    setProblem('')
    const body = new FormData()
    body.append('file', file)
    upload.submit(body, { method: 'post', encType: 'multipart/form-data' })
  }
  const error = problem || (result && 'errors' in result ? (result.errors.fieldErrors.file?.[0] ?? result.errors.formErrors[0]) : '')
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t('formBuilder.success.upload')}
      </label>
      <input id={id} ref={input} type="file" accept={ASSET_ACCEPT} onChange={send} aria-describedby={`${id}-note`} className="mt-1 block text-sm" />
      <div id={`${id}-note`} role="status">
        {upload.state !== 'idle' ? <p className="mt-1 text-sm text-slate-600">{t('formBuilder.success.uploading')}</p> : null}
        {error ? <p className="mt-1 text-sm text-red-600">{translate(error)}</p> : <p className="mt-1 text-xs text-slate-500">{t('formBuilder.success.allowed', { mb: MAX_ASSET_MB })}</p>}
      </div>
    </div>
  )
}
