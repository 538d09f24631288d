import type { FieldErrors } from 'react-hook-form'
import type { BuilderValues } from '#app/forms/builder'
import { englishTranslator } from '#app/i18n/i18n'

type Translate = (key: string, values?: Record<string, unknown>) => string

// The builder's list of problems beside the Save button, so none hides in a closed panel.

/** Every message in react-hook-form's nested errors, with its dotted path. */
export function listErrors(errors: FieldErrors, prefix = ''): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = []
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object' || key === 'ref') continue
    const path = key === 'root' ? prefix : prefix ? `${prefix}.${key}` : key
    const message = (value as { message?: unknown }).message
    if (typeof message === 'string' && message) found.push({ path: path || 'form', message })
    found.push(...listErrors(value as FieldErrors, path))
  }
  return found.filter((item, i) => found.findIndex((other) => other.path === item.path && other.message === item.message) === i)
}

/** `fields.2.options.1.value` → `Field 3 (Company size) › options › 2 › value`: where to look, in the marketer's words. */
export function describePath(path: string, values: BuilderValues, t: Translate = englishTranslator.t) {
  const [head, index, ...rest] = path.split('.')
  if (head === 'fields' && index !== undefined && /^\d+$/.test(index)) {
    const field = values.fields?.[Number(index)]
    const name = field?.label || field?.key
    return [
      name ? t('formBuilder.path.fieldNamed', { number: Number(index) + 1, name }) : t('formBuilder.path.field', { number: Number(index) + 1 }),
      ...rest.map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part)),
    ].join(' › ')
  }
  if (head === 'steps' && index !== undefined && /^\d+$/.test(index)) return [t('formBuilder.path.step', { number: Number(index) + 1 }), ...rest].join(' › ')
  return path
}
