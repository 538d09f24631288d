import { useId } from 'react'
import { get, useFormContext, useFormState, type FieldErrors, type RegisterOptions } from 'react-hook-form'
import { Field } from '#app/components/ui/field'
import type { BuilderValues } from '#app/forms/builder'
import { useMessage } from '#app/i18n/provider'

// Inputs of the form builder, wired to its react-hook-form state by path (`fields.2.label`), each showing the
// error at its path: the client's zod error or the server's, which share paths.

export const inputClass =
  'mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500'

export const useBuilderForm = () => useFormContext<BuilderValues>()

/** The message at a path; array-level errors (e.g. "Add at least one option") sit under `.root`. */
export function errorAt(errors: FieldErrors<BuilderValues>, path: string): string | undefined {
  const error = get(errors, path) as { message?: string; root?: { message?: string } } | undefined
  return error?.message ?? error?.root?.message
}

export function useErrorAt(path: string) {
  const { control } = useBuilderForm()
  const { errors } = useFormState({ control, name: path as never })
  return errorAt(errors, path)
}

type Common = { path: string; label: string; hint?: string; className?: string }

export function TextInput({ path, label, hint, className, options, ...props }: Common & { options?: RegisterOptions } & React.InputHTMLAttributes<HTMLInputElement>) {
  const { register } = useBuilderForm()
  return <Field label={label} hint={hint} error={useErrorAt(path)} className={className} {...props} {...register(path as never, options as never)} />
}

/** A number input whose empty value is "not set" (NaN, which the builder leaves out of the definition). */
export function NumberInput(props: Common & React.InputHTMLAttributes<HTMLInputElement>) {
  return <TextInput type="number" inputMode="decimal" options={{ valueAsNumber: true }} {...props} />
}

export function TextArea({ path, label, hint, className, rows = 3, maxLength }: Common & { rows?: number; maxLength?: number }) {
  const { register } = useBuilderForm()
  const id = useId()
  const error = useErrorAt(path)
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        className={inputClass}
        {...register(path as never)}
      />
      <Note id={`${id}-note`} hint={hint} error={error} />
    </div>
  )
}

type SelectProps = Common & { choices: { value: string; label: string }[]; onChoose?: (value: string) => void; options?: RegisterOptions }

export function SelectInput({ path, label, hint, className, choices, onChoose, options }: SelectProps) {
  const { register } = useBuilderForm()
  const id = useId()
  const error = useErrorAt(path)
  const registered = register(path as never, options as never)
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        className={inputClass}
        {...registered}
        onChange={(event) => {
          void registered.onChange(event)
          onChoose?.(event.currentTarget.value)
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <Note id={`${id}-note`} hint={hint} error={error} />
    </div>
  )
}

export function Checkbox({ path, label, hint, className, disabled }: Common & { disabled?: boolean }) {
  const { register } = useBuilderForm()
  const id = useId()
  return (
    <div className={className}>
      <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input id={id} type="checkbox" disabled={disabled} aria-describedby={hint ? `${id}-note` : undefined} {...register(path as never)} />
        {label}
      </label>
      <Note id={`${id}-note`} hint={hint} />
    </div>
  )
}

export function Note({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const translate = useMessage()
  return (
    <div id={id}>
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {error ? <p className="mt-1 text-sm text-red-600">{translate(error)}</p> : null}
    </div>
  )
}
