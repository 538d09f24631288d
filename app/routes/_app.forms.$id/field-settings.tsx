import { Controller, useFieldArray, useWatch } from 'react-hook-form'
import { Button } from '#app/components/ui/button'
import type { BuilderOption } from '#app/forms/builder'
import { DEFAULT_TEXT_CAP, DEFAULT_TEXTAREA_CAP, FIELD_TYPES, MAX_OPTIONS, type FieldType } from '#app/forms/definition'
import { FIELD_TYPE_KEYS } from '#app/forms/labels'
import { en } from '#app/visitor-language/catalogues/en'
import { fillText } from '#app/visitor-language/format'
import { useMessage, useT } from '#app/i18n/provider'
import { Checkbox, inputClass, NumberInput, SelectInput, TextArea, TextInput, useBuilderForm, useErrorAt } from './builder-inputs'

// Every setting the definition schema has for a field, shown for the types that have it.

const CHOICE_TYPES = new Set<FieldType>(['select', 'radio', 'heard_about'])
const WITH_PLACEHOLDER = new Set<FieldType>(['email', 'text', 'textarea', 'phone', 'number', 'select', 'heard_about'])
const WITH_TEXT_DEFAULT = new Set<FieldType>(['email', 'text', 'phone', 'hidden'])

export function FieldSettings({ index, type, onTypeChange }: { index: number; type: FieldType; onTypeChange: (type: FieldType) => void }) {
  const { control } = useBuilderForm()
  const isMultiStep = useWatch({ control, name: 'isMultiStep' })
  const steps = useWatch({ control, name: 'steps' }) ?? []
  const path = (name: string) => `fields.${index}.${name}`
  const t = useT()
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div>
        <label htmlFor={`field-${index}-type`} className="block text-sm font-medium text-slate-700">
          {t('formBuilder.field.type')}
        </label>
        <select id={`field-${index}-type`} value={type} onChange={(e) => onTypeChange(e.currentTarget.value as FieldType)} className={inputClass}>
          {FIELD_TYPES.map((fieldType) => (
            <option key={fieldType} value={fieldType}>
              {t(FIELD_TYPE_KEYS[fieldType])}
            </option>
          ))}
        </select>
      </div>
      {isMultiStep ? (
        <SelectInput
          path={path('step')}
          label={t('formBuilder.field.step')}
          options={{ valueAsNumber: true }}
          choices={steps.map((s, i) => ({ value: String(i), label: `${i + 1}. ${s?.title || t('formBuilder.field.untitledStep')}` }))}
        />
      ) : (
        <div />
      )}
      <TextInput path={path('label')} label={t('formBuilder.field.label')} maxLength={200} />
      <TextInput path={path('key')} label={t('formBuilder.field.key')} maxLength={40} spellCheck={false} hint={t('formBuilder.field.keyHint')} />
      {type === 'consent' ? (
        <TextArea path={path('consentText')} label={t('formBuilder.field.consentText')} maxLength={1000} className="md:col-span-2" hint={t('formBuilder.field.consentHint')} />
      ) : null}
      {WITH_PLACEHOLDER.has(type) ? <TextInput path={path('placeholder')} label={t('formBuilder.field.placeholder')} maxLength={200} /> : null}
      {type !== 'hidden' ? <TextInput path={path('help')} label={t('formBuilder.field.help')} maxLength={500} hint={t('formBuilder.field.helpHint')} /> : null}
      {type !== 'consent' ? (
        <TextInput
          path={path('prefillParam')}
          label={t('formBuilder.field.prefill')}
          maxLength={64}
          spellCheck={false}
          hint={type === 'hidden' ? t('formBuilder.field.prefillHiddenHint') : t('formBuilder.field.prefillHint')}
        />
      ) : null}
      {type !== 'consent' ? (
        <Checkbox path={path('required')} label={t('formBuilder.field.required')} className="self-end" hint={type === 'hidden' ? t('formBuilder.field.requiredHiddenHint') : undefined} />
      ) : null}
      <TypeSettings index={index} type={type} />
    </div>
  )
}

function TypeSettings({ index, type }: { index: number; type: FieldType }) {
  const path = (name: string) => `fields.${index}.${name}`
  const t = useT()
  if (type === 'text' || type === 'textarea') {
    const cap = type === 'text' ? DEFAULT_TEXT_CAP : DEFAULT_TEXTAREA_CAP
    return (
      <>
        <NumberInput path={path('minLength')} label={t('formBuilder.field.minLength')} min={0} step={1} />
        <NumberInput path={path('maxLength')} label={t('formBuilder.field.maxLength')} min={1} step={1} hint={t('formBuilder.field.maxLengthHint', { cap })} />
        {type === 'text' ? (
          <>
            <TextInput path={path('pattern')} label={t('formBuilder.field.pattern')} maxLength={200} spellCheck={false} hint={t('formBuilder.field.patternHint')} />
            <TextInput path={path('patternMessage')} label={t('formBuilder.field.patternMessage')} maxLength={200} />
            <TextInput path={path('defaultValue')} label={t('formBuilder.field.defaultValue')} className="md:col-span-2" />
          </>
        ) : (
          <TextArea path={path('defaultValue')} label={t('formBuilder.field.defaultValue')} className="md:col-span-2" />
        )}
      </>
    )
  }
  if (type === 'number') {
    return (
      <>
        <NumberInput path={path('min')} label={t('formBuilder.field.min')} step="any" />
        <NumberInput path={path('max')} label={t('formBuilder.field.max')} step="any" />
        <NumberInput path={path('defaultValue')} label={t('formBuilder.field.defaultValue')} step="any" />
      </>
    )
  }
  if (type === 'date') {
    return (
      <>
        <TextInput path={path('min')} type="date" label={t('formBuilder.field.earliest')} />
        <TextInput path={path('max')} type="date" label={t('formBuilder.field.latest')} />
        <TextInput path={path('defaultValue')} type="date" label={t('formBuilder.field.defaultDate')} />
      </>
    )
  }
  if (WITH_TEXT_DEFAULT.has(type))
    return (
      <TextInput
        path={path('defaultValue')}
        label={t('formBuilder.field.defaultValue')}
        maxLength={type === 'hidden' ? 500 : 254}
        hint={type === 'hidden' ? t('formBuilder.field.hiddenDefaultHint') : undefined}
      />
    )
  if (CHOICE_TYPES.has(type) || type === 'checkboxes') {
    return (
      <>
        <OptionsEditor index={index} />
        {type === 'checkboxes' ? <DefaultChecks index={index} /> : <DefaultChoice index={index} />}
      </>
    )
  }
  return null
}

function DefaultChoice({ index }: { index: number }) {
  const { control } = useBuilderForm()
  const options = (useWatch({ control, name: `fields.${index}.options` }) ?? []) as BuilderOption[]
  const t = useT()
  return (
    <SelectInput
      path={`fields.${index}.defaultValue`}
      label={t('formBuilder.field.preselected')}
      choices={[{ value: '', label: t('formBuilder.field.none') }, ...options.filter((o) => o?.value).map((o) => ({ value: o.value, label: o.label || o.value }))]}
    />
  )
}

function DefaultChecks({ index }: { index: number }) {
  const { control } = useBuilderForm()
  const options = (useWatch({ control, name: `fields.${index}.options` }) ?? []) as BuilderOption[]
  const error = useErrorAt(`fields.${index}.defaultValue`)
  const t = useT()
  const translate = useMessage()
  return (
    <Controller
      control={control}
      name={`fields.${index}.defaultValue`}
      render={({ field }) => {
        const checked = new Set(Array.isArray(field.value) ? field.value : [])
        const toggle = (value: string) => field.onChange(options.map((o) => o.value).filter((v) => (v === value ? !checked.has(v) : checked.has(v))))
        return (
          <fieldset className="md:col-span-2">
            <legend className="text-sm font-medium text-slate-700">{t('formBuilder.field.tickedAtFirst')}</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {options
                .filter((o) => o?.value)
                .map((o) => (
                  <label key={o.value} className="flex items-center gap-1.5 text-sm">
                    <input type="checkbox" checked={checked.has(o.value)} onChange={() => toggle(o.value)} onBlur={field.onBlur} /> {o.label || o.value}
                  </label>
                ))}
            </div>
            {error ? <p className="mt-1 text-sm text-red-600">{translate(error)}</p> : null}
          </fieldset>
        )
      }}
    />
  )
}

function OptionsEditor({ index }: { index: number }) {
  const { control, getValues } = useBuilderForm()
  const { fields, append, move, remove } = useFieldArray({ control, name: `fields.${index}.options` })
  const error = useErrorAt(`fields.${index}.options`)
  const t = useT()
  const translate = useMessage()
  const add = () => {
    const taken = new Set((getValues(`fields.${index}.options`) ?? []).map((o) => o.value))
    let n = fields.length + 1
    while (taken.has(`option_${n}`)) n++
    append({ value: `option_${n}`, label: fillText(en.form.optionNumbered, { number: n }) })
  }
  return (
    <fieldset className="md:col-span-2">
      <legend className="text-sm font-medium text-slate-700">{t('formBuilder.field.options')}</legend>
      <p className="text-xs text-slate-500">{t('formBuilder.field.optionsHint')}</p>
      {error ? <p className="mt-1 text-sm text-red-600">{translate(error)}</p> : null}
      <ol className="mt-2 space-y-2">
        {fields.map((option, i) => (
          <li key={option.id} className="flex flex-wrap items-start gap-2">
            <TextInput path={`fields.${index}.options.${i}.label`} label={t('formBuilder.field.optionLabel', { number: i + 1 })} maxLength={200} className="min-w-40 flex-1" />
            <TextInput path={`fields.${index}.options.${i}.value`} label={t('formBuilder.field.value')} maxLength={100} spellCheck={false} className="w-40" />
            <div className="flex gap-1 pt-6">
              <button
                type="button"
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
                aria-label={t('formBuilder.field.moveOptionUp', { number: i + 1 })}
                className="rounded px-2 py-1 hover:bg-slate-100 disabled:opacity-30"
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === fields.length - 1}
                onClick={() => move(i, i + 1)}
                aria-label={t('formBuilder.field.moveOptionDown', { number: i + 1 })}
                className="rounded px-2 py-1 hover:bg-slate-100 disabled:opacity-30"
              >
                ↓
              </button>
              <button type="button" onClick={() => remove(i)} aria-label={t('formBuilder.field.removeOption', { number: i + 1 })} className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50">
                {t('formBuilder.fields.remove')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <Button type="button" variant="ghost" className="mt-2" onClick={add} disabled={fields.length >= MAX_OPTIONS}>
        {t('formBuilder.field.addOption')}
      </Button>
    </fieldset>
  )
}
