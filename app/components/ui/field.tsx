import { forwardRef, useId } from 'react'
import { useMessage } from '#app/i18n/provider'

export type FieldProps = React.InputHTMLAttributes<HTMLInputElement> & {
  label: string
  error?: string
  hint?: string
}

/** What a field's control carries so that its label, hint and error reach screen readers. */
export type FieldWiring = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }

type FieldFrameProps = { id: string; label: string; hint?: string; error?: string; className?: string; children: (wiring: FieldWiring) => React.ReactNode }

/**
 * A label, a control and the control's hint and error, wired for screen readers: what every settings field shares,
 * whatever its control (Field's input, a select, a textarea). The error is shown in the reader's language.
 */
export function FieldFrame({ id, label, hint, error, className, children }: FieldFrameProps) {
  const translate = useMessage()
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600">
          {translate(error)}
        </p>
      ) : null}
    </div>
  )
}

/** A labelled input with its hint and error wired to it for screen readers. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ label, error, hint, id, className = '', ...props }, ref) {
  const fallbackId = useId()
  return (
    <FieldFrame id={id ?? fallbackId} label={label} hint={hint} error={error} className={className}>
      {(wiring) => (
        <input
          ref={ref}
          {...wiring}
          className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500"
          {...props}
        />
      )}
    </FieldFrame>
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
