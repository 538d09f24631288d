import { forwardRef, useId } from 'react'
import { useMessage } from '#app/i18n/provider'

export type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & {
  label: string
  error?: string
  hint?: string
}

/** A labelled input with its hint and error wired to it for screen readers. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ label, error, hint, id, className = '', ...props }, ref) {
  const fallbackId = useId()
  const translate = useMessage()
  const inputId = id ?? fallbackId
  const describedBy = [hint && `${inputId}-hint`, error && `${inputId}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500"
        {...props}
      />
      {hint ? (
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} className="mt-1 text-sm text-red-600">
          {translate(error)}
        </p>
      ) : null}
    </div>
  )
})

export function FormErrorList({ errors }: { errors?: string[] }) {
  const translate = useMessage()
  if (!errors?.length) return null
  return (
    <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
      {errors.map((e) => (
        <p key={e}>{translate(e)}</p>
      ))}
    </div>
  )
}
