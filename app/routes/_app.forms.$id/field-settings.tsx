import { Controller, useFieldArray, useWatch } from 'react-hook-form'
import { Button } from '#app/components/ui/button'
import { FIELD_TYPE_LABELS, type BuilderOption } from '#app/forms/builder'
import { DEFAULT_TEXT_CAP, DEFAULT_TEXTAREA_CAP, FIELD_TYPES, MAX_OPTIONS, type FieldType } from '#app/forms/definition'
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
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div>
        <label htmlFor={`field-${index}-type`} className="block text-sm font-medium text-slate-700">
          Type
        </label>
        <select id={`field-${index}-type`} value={type} onChange={(e) => onTypeChange(e.currentTarget.value as FieldType)} className={inputClass}>
          {FIELD_TYPES.map((t) => (
            <option key={t} value={t}>
              {FIELD_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      {isMultiStep ? (
        <SelectInput path={path('step')} label="Step" options={{ valueAsNumber: true }} choices={steps.map((s, i) => ({ value: String(i), label: `${i + 1}. ${s?.title || 'Untitled step'}` }))} />
      ) : (
        <div />
      )}
      <TextInput path={path('label')} label="Label" maxLength={200} />
      <TextInput path={path('key')} label="Key" maxLength={40} spellCheck={false} hint="Names the answer in leads, exports and webhooks: lowercase letters, digits and _" />
      {type === 'consent' ? (
        <TextArea
          path={path('consentText')}
          label="Consent text"
          maxLength={1000}
          className="md:col-span-2"
          hint="Visitors tick a box next to this text. Consent is always required and never pre-ticked."
        />
      ) : null}
      {WITH_PLACEHOLDER.has(type) ? <TextInput path={path('placeholder')} label="Placeholder" maxLength={200} /> : null}
      {type !== 'hidden' ? <TextInput path={path('help')} label="Help text" maxLength={500} hint="Shown under the field" /> : null}
      {type !== 'consent' ? (
        <TextInput
          path={path('prefillParam')}
          label="Prefill from URL parameter"
          maxLength={64}
          spellCheck={false}
          hint={type === 'hidden' ? 'The page address fills this field: ?utm_campaign=spring. Empty: the parameter named like the key.' : 'Optional: ?email=… in the page address fills the field in.'}
        />
      ) : null}
      {type !== 'consent' ? <Checkbox path={path('required')} label="Required" className="self-end" hint={type === 'hidden' ? 'Refuse submissions without this value' : undefined} /> : null}
      <TypeSettings index={index} type={type} />
    </div>
  )
}

function TypeSettings({ index, type }: { index: number; type: FieldType }) {
  const path = (name: string) => `fields.${index}.${name}`
  if (type === 'text' || type === 'textarea') {
    const cap = type === 'text' ? DEFAULT_TEXT_CAP : DEFAULT_TEXTAREA_CAP
    return (
      <>
        <NumberInput path={path('minLength')} label="Minimum length" min={0} step={1} />
        <NumberInput path={path('maxLength')} label="Maximum length" min={1} step={1} hint={`Empty: ${cap} characters`} />
        {type === 'text' ? (
          <>
            <TextInput path={path('pattern')} label="Pattern (regular expression)" maxLength={200} spellCheck={false} hint="The whole answer must match, e.g. [A-Z]{2}[0-9]{4}" />
            <TextInput path={path('patternMessage')} label="Message when the pattern does not match" maxLength={200} />
            <TextInput path={path('defaultValue')} label="Default value" className="md:col-span-2" />
          </>
        ) : (
          <TextArea path={path('defaultValue')} label="Default value" className="md:col-span-2" />
        )}
      </>
    )
  }
  if (type === 'number') {
    return (
      <>
        <NumberInput path={path('min')} label="Minimum" step="any" />
        <NumberInput path={path('max')} label="Maximum" step="any" />
        <NumberInput path={path('defaultValue')} label="Default value" step="any" />
      </>
    )
  }
  if (type === 'date') {
    return (
      <>
        <TextInput path={path('min')} type="date" label="Earliest date" />
        <TextInput path={path('max')} type="date" label="Latest date" />
        <TextInput path={path('defaultValue')} type="date" label="Default date" />
      </>
    )
  }
  if (WITH_TEXT_DEFAULT.has(type))
    return <TextInput path={path('defaultValue')} label="Default value" maxLength={type === 'hidden' ? 500 : 254} hint={type === 'hidden' ? 'Used when the URL has no value' : undefined} />
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
  return (
    <SelectInput
      path={`fields.${index}.defaultValue`}
      label="Preselected option"
      choices={[{ value: '', label: 'None' }, ...options.filter((o) => o?.value).map((o) => ({ value: o.value, label: o.label || o.value }))]}
    />
  )
}

function DefaultChecks({ index }: { index: number }) {
  const { control } = useBuilderForm()
  const options = (useWatch({ control, name: `fields.${index}.options` }) ?? []) as BuilderOption[]
  const error = useErrorAt(`fields.${index}.defaultValue`)
  return (
    <Controller
      control={control}
      name={`fields.${index}.defaultValue`}
      render={({ field }) => {
        const checked = new Set(Array.isArray(field.value) ? field.value : [])
        const toggle = (value: string) => field.onChange(options.map((o) => o.value).filter((v) => (v === value ? !checked.has(v) : checked.has(v))))
        return (
          <fieldset className="md:col-span-2">
            <legend className="text-sm font-medium text-slate-700">Ticked at first</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {options
                .filter((o) => o?.value)
                .map((o) => (
                  <label key={o.value} className="flex items-center gap-1.5 text-sm">
                    <input type="checkbox" checked={checked.has(o.value)} onChange={() => toggle(o.value)} onBlur={field.onBlur} /> {o.label || o.value}
                  </label>
                ))}
            </div>
            {error ? <p className="mt-1 text-sm text-red-600">{error}</p> : null}
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
  const add = () => {
    const taken = new Set((getValues(`fields.${index}.options`) ?? []).map((o) => o.value))
    let n = fields.length + 1
    while (taken.has(`option_${n}`)) n++
    append({ value: `option_${n}`, label: `Option ${n}` })
  }
  return (
    <fieldset className="md:col-span-2">
      <legend className="text-sm font-medium text-slate-700">Options</legend>
      <p className="text-xs text-slate-500">The label is what visitors see; the value is what is stored and sent on to your CRM.</p>
      {error ? <p className="mt-1 text-sm text-red-600">{error}</p> : null}
      <ol className="mt-2 space-y-2">
        {fields.map((option, i) => (
          <li key={option.id} className="flex flex-wrap items-start gap-2">
            <TextInput path={`fields.${index}.options.${i}.label`} label={`Option ${i + 1} label`} maxLength={200} className="min-w-40 flex-1" />
            <TextInput path={`fields.${index}.options.${i}.value`} label="Value" maxLength={100} spellCheck={false} className="w-40" />
            <div className="flex gap-1 pt-6">
              <button type="button" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Move option ${i + 1} up`} className="rounded px-2 py-1 hover:bg-slate-100 disabled:opacity-30">
                ↑
              </button>
              <button
                type="button"
                disabled={i === fields.length - 1}
                onClick={() => move(i, i + 1)}
                aria-label={`Move option ${i + 1} down`}
                className="rounded px-2 py-1 hover:bg-slate-100 disabled:opacity-30"
              >
                ↓
              </button>
              <button type="button" onClick={() => remove(i)} aria-label={`Remove option ${i + 1}`} className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50">
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <Button type="button" variant="ghost" className="mt-2" onClick={add} disabled={fields.length >= MAX_OPTIONS}>
        Add option
      </Button>
    </fieldset>
  )
}
