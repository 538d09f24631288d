import { useEffect, useId, useState } from 'react'
import { get, useFieldArray, useFormState, useWatch } from 'react-hook-form'
import { Button } from '#app/components/ui/button'
import { changeFieldType, newField, type BuilderField } from '#app/forms/builder'
import { FIELD_TYPES, MAX_FIELDS, type FieldType } from '#app/forms/definition'
import { FIELD_TYPE_KEYS } from '#app/forms/labels'
import { useMessage, useT } from '#app/i18n/provider'
import { inputClass, useBuilderForm, useErrorAt } from './builder-inputs'
import { FieldSettings } from './field-settings'

/** The form's fields in order: add any type, reorder with buttons (keyboard friendly), edit, remove. */
export function FieldList({ canEdit }: { canEdit: boolean }) {
  const { control, getValues } = useBuilderForm()
  const { fields, append, move, remove, update } = useFieldArray({ control, name: 'fields' })
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set())
  const [indexToOpen, setIndexToOpen] = useState<number | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [typeToAdd, setTypeToAdd] = useState<FieldType>('text')
  const error = useErrorAt('fields')
  // DOM ids by position (useFieldArray's own ids are random, so they would differ between server and browser).
  const domId = useId()
  const t = useT()
  const translate = useMessage()

  // A field just added, or given another type, is open for editing; its id exists only once that has rendered.
  useEffect(() => {
    const id = indexToOpen === null ? undefined : fields[indexToOpen]?.id
    if (!id) return
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the new field's id exists only after the render that added it
    setOpenIds((ids) => new Set(ids).add(id))
    setIndexToOpen(null)
  }, [indexToOpen, fields])

  const toggle = (id: string) =>
    setOpenIds((ids) => {
      const next = new Set(ids)
      if (!next.delete(id)) next.add(id)
      return next
    })

  const add = () => {
    const { isMultiStep, steps } = getValues()
    append(newField(typeToAdd, getValues('fields'), isMultiStep ? Math.max(0, steps.length - 1) : 0), { shouldFocus: false })
    setIndexToOpen(fields.length)
    setAnnouncement(t('formBuilder.fields.added', { type: t(FIELD_TYPE_KEYS[typeToAdd]), position: fields.length + 1 }))
  }

  const reorder = (from: number, to: number, direction: 'up' | 'down') => {
    const label = getValues(`fields.${from}.label`) || getValues(`fields.${from}.key`)
    move(from, to)
    setAnnouncement(t('formBuilder.fields.moved', { label, position: to + 1, count: fields.length }))
    // Keep the keyboard where it was: on the same button, or on the other one at the top or bottom.
    requestAnimationFrame(() => {
      const same = document.getElementById(`${domId}-${to}-${direction}`) as HTMLButtonElement | null
      const other = document.getElementById(`${domId}-${to}-${direction === 'up' ? 'down' : 'up'}`)
      ;(same && !same.disabled ? same : other)?.focus()
    })
  }

  return (
    <div className="space-y-3">
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {translate(error)}
        </p>
      ) : null}
      <ol className="space-y-3">
        {fields.map((field, index) => (
          <FieldCard
            key={field.id}
            domId={`${domId}-${index}`}
            index={index}
            count={fields.length}
            isOpen={openIds.has(field.id)}
            canEdit={canEdit}
            onToggle={() => toggle(field.id)}
            onMove={(to, direction) => reorder(index, to, direction)}
            onRemove={() => {
              setAnnouncement(t('formBuilder.fields.removed', { label: getValues(`fields.${index}.label`) }))
              remove(index)
            }}
            onTypeChange={(type) => {
              update(index, changeFieldType(getValues(`fields.${index}`), type))
              setIndexToOpen(index)
              // The field's inputs are new; keep the keyboard on its type.
              requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById(`field-${index}-type`)?.focus()))
            }}
          />
        ))}
      </ol>
      {canEdit ? (
        <div className="flex flex-wrap items-end gap-2 rounded-lg border-2 border-dashed border-slate-200 p-3">
          <div>
            <label htmlFor="field-type-to-add" className="block text-sm font-medium text-slate-700">
              {t('formBuilder.fields.type')}
            </label>
            <select id="field-type-to-add" value={typeToAdd} onChange={(e) => setTypeToAdd(e.currentTarget.value as FieldType)} className={inputClass}>
              {FIELD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(FIELD_TYPE_KEYS[type])}
                </option>
              ))}
            </select>
          </div>
          <Button type="button" variant="secondary" onClick={add} disabled={fields.length >= MAX_FIELDS}>
            {t('formBuilder.fields.add')}
          </Button>
        </div>
      ) : null}
    </div>
  )
}

type FieldCardProps = {
  domId: string
  index: number
  count: number
  isOpen: boolean
  canEdit: boolean
  onToggle: () => void
  onMove: (to: number, direction: 'up' | 'down') => void
  onRemove: () => void
  onTypeChange: (type: FieldType) => void
}

function FieldCard({ domId, index, count, isOpen, canEdit, onToggle, onMove, onRemove, onTypeChange }: FieldCardProps) {
  const { control } = useBuilderForm()
  const field = useWatch({ control, name: `fields.${index}` }) as BuilderField | undefined
  const { errors } = useFormState({ control, name: `fields.${index}` })
  const hasErrors = Boolean(get(errors, `fields.${index}`))
  const t = useT()
  const name = field?.label || field?.key || t('formBuilder.fields.untitled')
  const panelId = `${domId}-panel`
  // A field with errors stays open, so every message is on screen.
  const isShown = isOpen || hasErrors
  return (
    <li className={`rounded-lg bg-white shadow-sm ring-1 ${hasErrors ? 'ring-red-300' : 'ring-slate-200'}`} data-testid="builder-field">
      <div className="flex flex-wrap items-center gap-2 px-4 py-3">
        <span className="w-6 text-right font-mono text-xs text-slate-400">{index + 1}</span>
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium">
            {name}
            {field?.required || field?.type === 'consent' ? (
              <span className="text-red-600" aria-label={t('formBuilder.fields.required')}>
                {' '}
                *
              </span>
            ) : null}
          </p>
          <p className="text-xs text-slate-500">
            {field ? t(FIELD_TYPE_KEYS[field.type]) : ''} · <span className="font-mono">{field?.key}</span>
            {hasErrors ? <span className="ml-2 font-medium text-red-600">{t('formBuilder.fields.hasProblems')}</span> : null}
          </p>
        </div>
        <button type="button" onClick={onToggle} aria-expanded={isShown} aria-controls={panelId} className="rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-slate-100">
          {isShown ? t('formBuilder.fields.close') : canEdit ? t('formBuilder.fields.edit') : t('formBuilder.fields.show')}
          <span className="sr-only"> {name}</span>
        </button>
        {canEdit ? (
          <>
            <button
              id={`${domId}-up`}
              type="button"
              disabled={index === 0}
              onClick={() => onMove(index - 1, 'up')}
              aria-label={t('formBuilder.fields.moveUp', { name })}
              className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 disabled:opacity-30"
            >
              ↑
            </button>
            <button
              id={`${domId}-down`}
              type="button"
              disabled={index === count - 1}
              onClick={() => onMove(index + 1, 'down')}
              aria-label={t('formBuilder.fields.moveDown', { name })}
              className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 disabled:opacity-30"
            >
              ↓
            </button>
            <button type="button" onClick={onRemove} aria-label={t('formBuilder.fields.removeNamed', { name })} className="rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50">
              {t('formBuilder.fields.remove')}
            </button>
          </>
        ) : null}
      </div>
      {isShown && field ? (
        <div id={panelId} className="border-t border-slate-100 px-4 py-4">
          <fieldset disabled={!canEdit} className="contents">
            <FieldSettings index={index} type={field.type} onTypeChange={onTypeChange} />
          </fieldset>
        </div>
      ) : null}
    </li>
  )
}
