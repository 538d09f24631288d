import type { FormDefinition } from '#app/forms/definition'
import { en } from './catalogues/en'
import { HEARD_ABOUT_TEXT_KEYS } from './heard-about'
import type { FormText } from './shape'

// A form stores the words its builder filled in for the marketer: "Submit", the thank-you message, "How did you
// hear about us?" and its answers, all English. On a page in another language those are Splitform's words, not
// the marketer's, so they are read from the page's catalogue. A text the marketer changed is theirs and is left
// alone, whatever its language: only a stored text still equal to the English default is replaced.

const isDefault = (stored: string | undefined, english: string) => stored !== undefined && stored.trim() === english

/** The form as a visitor of a page in `text`'s language reads it; the same object when nothing changes (English). */
export function localizeDefinition(definition: FormDefinition, text: FormText): FormDefinition {
  if (text === en.form) return definition
  const fields = definition.fields.map((field) => {
    if (field.type === 'phone') return field.placeholder ? field : { ...field, placeholder: text.phoneHint }
    if (field.type !== 'heard_about') return field
    const options = field.options.map((option) => {
      const key = Object.hasOwn(HEARD_ABOUT_TEXT_KEYS, option.value) ? HEARD_ABOUT_TEXT_KEYS[option.value as keyof typeof HEARD_ABOUT_TEXT_KEYS] : null
      return key && isDefault(option.label, en.form[key]) ? { ...option, label: text[key] } : option
    })
    return { ...field, label: isDefault(field.label, en.form.heardAboutQuestion) ? text.heardAboutQuestion : field.label, options }
  })
  const { success } = definition
  return {
    ...definition,
    fields,
    submitLabel: isDefault(definition.submitLabel, en.form.submit) ? text.submit : definition.submitLabel,
    success: success.type === 'message' && isDefault(success.message, en.form.successMessage) ? { ...success, message: text.successMessage } : success,
  }
}
