import type { IncomingMessage, ServerResponse } from 'node:http'
import { readFillTimer } from '#app/conversions/fill-timer.server'
import { otherKeyFor } from '#app/forms/definition'
import { renderFormHtml, type FormState } from '#app/forms/render/form-html.server'
import { displayName } from '#app/http/unsafe-text'
import { issueDoneToken, successDownloadUrl } from '#app/published/done-token.server'
import type { ServedForm, ServedVersion } from '#app/published/load.server'
import { generateValue, initialFormHtml, renderVariantHtml, sendHtml, sendSystemPage } from '#app/published/response.server'
import { systemMessages, type SystemMessages, type SystemPageText } from '#app/published/system-messages'
import { carriedValues, readIdempotencyKey, stepOfFirstError, submittedValues, type SubmissionBody } from '#app/published/submission'

// How a form post is answered (submit.server.ts decides what to answer). Browsers without JS get HTML: 303 to the
// success state, or the page again with errors and their answers (400). The page script and API clients send
// Accept: application/json and get JSON.

export type Errors = Record<string, string[]>

export class Reply {
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly wantsJson: boolean,
    /** In the browser's language until the post's page is known, then in the page's (speakPageLanguage). */
    public messages: SystemMessages,
  ) {}

  speakPageLanguage(locale: string) {
    this.messages = systemMessages(locale)
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body)
    this.res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text), ...headers })
    this.res.end(text)
  }

  /** An answer for a problem that is not about one field: JSON for API clients, a system page for browsers. */
  problem(status: number, message: string | SystemPageText, headers: Record<string, string> = {}) {
    if (this.wantsJson) return this.json(status, { error: typeof message === 'string' ? message : message.title }, headers)
    sendSystemPage(this.res, status, message, this.messages.locale, headers)
  }
}

/** The submission's key: the posted one (already checked by the submit) or, when none was sent, a new one. */
export function idempotencyKeyOf(body: SubmissionBody) {
  const idem = readIdempotencyKey(body._idem)
  return (idem.ok && idem.key) || generateValue('idem')
}

/** The posted exposure token (`_x`) to render back into the page, unchecked: only the post that records reads it. */
const exposureTokenOf = (body: SubmissionBody) => (typeof body._x === 'string' && body._x.length <= 1000 ? body._x : '')

/** Renders the page again around this submission's form: with errors, at another step, or as a success. */
export class PageRenderer {
  constructor(
    readonly reply: Reply,
    readonly version: ServedVersion,
    readonly variantKey: string,
    readonly form: ServedForm,
    readonly params: URLSearchParams,
    readonly body: SubmissionBody,
  ) {}

  errors(errors: Errors, step: number | undefined) {
    if (this.reply.wantsJson) return this.reply.json(400, { errors })
    this.show(400, { errors, step })
  }

  /** One field's error; a name that is not one of the form's fields is shown above the form, without JS too. */
  fieldError(field: string, message: string, step: number | undefined) {
    const isField = this.form.definition.fields.some((f) => f.key === field || (f.type === 'heard_about' && otherKeyFor(f.key) === field))
    if (this.reply.wantsJson || isField) {
      const errors = { [field]: [message] }
      return this.errors(errors, this.form.definition.steps && isField ? stepOfFirstError(this.form.definition, errors) : step)
    }
    this.show(400, { errors: {}, formError: `${displayName(field)}: ${message}`, step })
  }

  show(status: number, state: FormState & { step?: number }) {
    const { definition } = this.form
    const values = submittedValues(definition, this.body)
    const carry = state.step !== undefined ? carriedValues(definition, values, state.step) : undefined
    // The same idempotency key and render time: fixing a typo is the same submission, started at the same time.
    const runtime = {
      idem: idempotencyKeyOf(this.body),
      t: typeof this.body._t === 'string' && readFillTimer(this.body._t) !== null ? this.body._t : generateValue('t'),
      // The view's signed exposure goes back as it came (it is checked when the form is finally accepted).
      x: exposureTokenOf(this.body),
    }
    const variant = this.version.variants.get(this.variantKey)!
    const initial = initialFormHtml(this.version, this.variantKey, this.params, exposureTokenOf(this.body))
    const html = renderVariantHtml(variant, this.params, (formId) =>
      formId !== this.form.id ? initial(formId) : renderFormHtml({ formId, definition, language: this.version.language, variantKey: this.variantKey, runtime, state: { ...state, values, carry } }),
    )
    sendHtml(this.reply.req, this.reply.res, status, html, null, this.version.headers)
  }

  succeeded({ leadId, conversionId, held }: { leadId: string | null; conversionId: string | null; held: boolean }) {
    const { success } = this.form.definition
    if (this.reply.wantsJson) {
      const downloadUrl = successDownloadUrl(this.version.workspaceId, this.form, { formId: this.form.id, conversionId })
      const shown =
        success.type === 'message'
          ? { type: 'message', message: success.message }
          : success.type === 'redirect'
            ? { type: 'redirect', url: success.url }
            : { type: 'asset', label: success.label, downloadUrl }
      return this.reply.json(201, { leadId, conversionId, ...(held ? { held: true } : {}), success: { ...shown, nextStep: success.nextStep ?? null } })
    }
    let location: string
    if (success.type === 'redirect') location = success.url
    else {
      const params = new URLSearchParams(this.params)
      params.delete('sf_done')
      params.set('sf_done', issueDoneToken({ formId: this.form.id, conversionId }))
      location = `/p/${this.version.slug}?${params}#form`
    }
    this.reply.res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0 })
    this.reply.res.end()
  }
}
