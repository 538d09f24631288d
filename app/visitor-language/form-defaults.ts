import type { FormDefinition } from '#app/forms/definition'
import { en } from './catalogues/en'
import { fillText } from './format'
import { HEARD_ABOUT_TEXT_KEYS } from './heard-about'
import type { FormText } from './shape'

// A form stores the words its builder filled in for the marketer: "Submit", the thank-you message, "How did you
// hear about us?" and its answers, all English. On a page in another language those are Splitform's words, not
// the marketer's, so they are read from the page's catalogue. A text the marketer changed is theirs and is left
// alone, whatever its language: only a stored text still equal to the English default is replaced.

const isDefault = (stored: string | undefined, english: string) => stored !== undefined && stored.trim() === english

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A stored text still equal to a numbered English default ("Step 3" of "Step {number}") in `template`'s words; else as stored. */
function numbered(stored: string, english: string, template: string) {
  const [before = '', after = ''] = english.split('{number}')
  const match = new RegExp(`^${escapeRegExp(before)}(\\d+)${escapeRegExp(after)}$`).exec(stored.trim())
  return match ? fillText(template, { number: Number(match[1]) }) : stored
}

/** A step title the builder filled in ("About you", "Your request", "Step 3"), in the page's language. */
function stepTitle(title: string, text: FormText) {
  if (isDefault(title, en.form.stepAboutYou)) return text.stepAboutYou
  if (isDefault(title, en.form.stepYourRequest)) return text.stepYourRequest
  return numbered(title, en.form.stepNumbered, text.stepNumbered)
}

/** The form as a visitor of a page in `text`'s language reads it; the same object when nothing changes (English). */
export function localizeDefinition(definition: FormDefinition, text: FormText): FormDefinition {
  if (text === en.form) return definition
  const fields = definition.fields.map((field) => {
    if (field.type === 'phone') return field.placeholder ? field : { ...field, placeholder: text.phoneHint }
    if (field.type === 'select' || field.type === 'radio' || field.type === 'checkboxes') {
      return { ...field, options: field.options.map((option) => ({ ...option, label: numbered(option.label, en.form.optionNumbered, text.optionNumbered) })) }
    }
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
    ...(definition.steps ? { steps: definition.steps.map((step) => ({ ...step, title: stepTitle(step.title, text) })) } : {}),
    submitLabel: isDefault(definition.submitLabel, en.form.submit) ? text.submit : definition.submitLabel,
    success: success.type === 'message' && isDefault(success.message, en.form.successMessage) ? { ...success, message: text.successMessage } : success,
  }
}
