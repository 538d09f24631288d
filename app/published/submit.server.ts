import type { IncomingMessage, ServerResponse } from 'node:http'
import { classifyDevice } from '#app/attribution/device'
import { issueDoneToken, successDownloadUrl } from '#app/published/done-token.server'
import { holdAsSpam, recordConversion, type RateLimitGate } from '#app/conversions/record.server'
import {
  carriedValues,
  parseSubmissionBody,
  readIdempotencyKey,
  readStep,
  stepOfFirstError,
  submittedValues,
  unsafeFieldOf,
  type SubmissionBody,
} from '#app/published/submission'
import { isUniqueViolation } from '#app/db.server'
import { otherKeyFor } from '#app/forms/definition'
import { getEnv } from '#app/env.server'
import type { FormDefinition } from '#app/forms/definition'
import { readFillTimer } from '#app/forms/fill-timer.server'
import { renderFormHtml, type FormState } from '#app/forms/render/form-html.server'
import { buildSubmissionSchema, extractLeadIdentity, type Answers } from '#app/forms/validation'
import { readNodeBodyBytes } from '#app/http/body.server'
import { resolveClientIp } from '#app/http/client-ip'
import { fieldErrorsOf } from '#app/http/field-errors'
import { displayName } from '#app/http/unsafe-text'
import { generateValue, renderVariantHtml, sendHtml, sendPlain } from '#app/published/response.server'
import type { ServedForm, ServedPage, ServedVersion } from '#app/published/cache.server'
import { initialFormHtml, withServedPage, type PageRequest } from '#app/published/router.server'
import { readStickyVariant, type ServedExperiment } from '#app/experiments/serving.server'
import { consumeRateLimit } from '#app/rate-limits/rate-limit.server'
import { isBotUserAgent } from '#app/visitors/countable'
import { touchOf } from '#app/visitors/visit.server'
import { readVisitorCookies, toTouchJson } from '#app/visitors/visitor-cookies'

// POST /p/:slug: a visitor's form submission. Browsers without JS get HTML (303 to the success state, or the
// page again with errors and their answers, 400); the enhancement and API clients send Accept: application/json
// and get 201 { leadId, conversionId } or 400 { errors }. A 2xx means the conversion is committed in PostgreSQL.

export const BODY_LIMIT = 64 * 1024
export const SUBMISSIONS_PER_IP_PER_MINUTE = 30
const DEFAULT_MIN_FILL_SECONDS = 1

type Errors = Record<string, string[]>

class Reply {
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly wantsJson: boolean,
  ) {}

  json(status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body)
    this.res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text), ...headers })
    this.res.end(text)
  }

  /** An answer for a problem that is not about one field: JSON for API clients, a plain page for browsers. */
  problem(status: number, message: string, headers: Record<string, string> = {}) {
    if (this.wantsJson) return this.json(status, { error: message }, headers)
    sendPlain(this.res, status, message, headers)
  }
}

const schemas = new WeakMap<FormDefinition, Map<string, ReturnType<typeof buildSubmissionSchema>>>()
/** Submission schemas are built once per form version and step, not per request. */
function schemaFor(definition: FormDefinition, step?: number) {
  let byStep = schemas.get(definition)
  if (!byStep) schemas.set(definition, (byStep = new Map()))
  const key = String(step ?? 'all')
  let schema = byStep.get(key)
  if (!schema) byStep.set(key, (schema = buildSubmissionSchema(definition, { step })))
  return schema
}

function pickForm(version: ServedVersion, body: SubmissionBody): ServedForm | null {
  const id = typeof body._form === 'string' ? body._form.toLowerCase() : null
  if (id) return version.forms.get(id) ?? null
  // A page with a single form accepts posts that leave out _form (hand-written API clients).
  return version.forms.size === 1 ? [...version.forms.values()][0]! : null
}

export async function submitForm(req: IncomingMessage, res: ServerResponse, request: PageRequest): Promise<void> {
  const reply = new Reply(req, res, /application\/json/i.test(req.headers.accept ?? ''))
  try {
    const raw = await readNodeBodyBytes(req, BODY_LIMIT)
    if (!raw) return reply.problem(413, `The submission is too large (at most ${BODY_LIMIT / 1024} KB)`, { Connection: 'close' })
    await withServedPage(request.slug, (served) => handleSubmission(reply, request, served, raw))
  } catch (error) {
    console.error(`[submit] /p/${request.slug}:`, error)
    if (!res.headersSent) reply.problem(503, 'Your submission could not be saved just now. Please try again in a moment; nothing was stored.')
    else res.end()
  }
}

function clientIpOf(req: IncomingMessage) {
  return resolveClientIp({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'], hops: getEnv().trustProxyHops })
}

/**
 * The per-address limit. Every post counts, rejected ones too; for a valid submission the count is taken in
 * the same statement that records it (recordConversion), so the common case costs one round trip.
 */
function rateLimitGate(req: IncomingMessage): RateLimitGate | undefined {
  return getEnv().RATE_LIMITS === 'off' ? undefined : { key: `submit:${clientIpOf(req)}`, limit: SUBMISSIONS_PER_IP_PER_MINUTE, windowSeconds: 60 }
}

function tooMany(reply: Reply, limited: { retryAfterSeconds: number }) {
  const wait = limited.retryAfterSeconds
  reply.problem(429, `Too many submissions from your network. Try again in ${wait} seconds.`, { 'Retry-After': String(wait) })
}

/** Counts a post that will not be recorded; true when it may be answered, false when a 429 went out. */
async function admitUnrecorded(reply: Reply): Promise<boolean> {
  const gate = rateLimitGate(reply.req)
  if (!gate) return true
  const limited = await consumeRateLimit(gate)
  if (limited.ok) return true
  tooMany(reply, limited)
  return false
}

async function handleSubmission(reply: Reply, request: PageRequest, served: ServedPage | null, raw: Buffer) {
  if (!served) return reply.problem(404, 'Page not found')
  const { version, experiment } = served
  const parsed = await parseSubmissionBody(reply.req.headers['content-type'], raw)
  if (!parsed.ok && !(await admitUnrecorded(reply))) return
  if (!parsed.ok) return reply.wantsJson ? reply.json(400, { errors: { _body: [parsed.message] } }) : reply.problem(400, parsed.message)
  const { body } = parsed
  const form = pickForm(version, body)
  if (!form && !(await admitUnrecorded(reply))) return
  if (!form) {
    const message = version.forms.size ? 'This page has no such form' : 'This page has no form'
    return reply.wantsJson ? reply.json(400, { errors: { _form: [message] } }) : reply.problem(400, message)
  }
  const params = new URLSearchParams(request.query)
  // In a running experiment the visitor's sticky variant is what they were counted under; else what was served.
  const assigned = experiment?.status === 'running' ? readStickyVariant(reply.req.headers.cookie, experiment) : null
  const posted = typeof body._variant === 'string' && version.variants.has(body._variant) ? body._variant : version.controlKey
  const variantKey = assigned && version.variants.has(assigned) ? assigned : posted
  const page = new PageRenderer(reply, version, variantKey, form, params, body)
  const { definition } = form
  const step = readStep(definition, body._step)
  const lastStep = definition.steps ? definition.steps.length - 1 : undefined

  // Text PostgreSQL cannot store (NUL, a lone surrogate): the field's error, shown like any other; and a
  // malformed idempotency key is refused, never replaced (a replaced key would make each retry a new conversion).
  const unsafe = unsafeFieldOf(body)
  const idem = readIdempotencyKey(body._idem)
  if (unsafe || !idem.ok) {
    if (!(await admitUnrecorded(reply))) return
    if (unsafe) return page.fieldError(unsafe.field, unsafe.message, step)
    if (!idem.ok) return reply.wantsJson ? reply.json(400, { errors: { _idem: [idem.message] } }) : reply.problem(400, idem.message)
  }

  // A step of a multi-step form: check its fields, then show the next step (or the previous one).
  if (step !== undefined && step < lastStep!) {
    if (!(await admitUnrecorded(reply))) return
    if (body._back !== undefined && !reply.wantsJson) return page.show(200, { step: Math.max(0, step - 1) })
    const checked = schemaFor(definition, step).safeParse(body)
    if (!checked.success) return page.errors(fieldErrorsOf(checked.error), step)
    return reply.wantsJson ? reply.json(200, { step: step + 1 }) : page.show(200, { step: step + 1 })
  }
  if (body._back !== undefined && step !== undefined && !reply.wantsJson) {
    if (await admitUnrecorded(reply)) page.show(200, { step: Math.max(0, step - 1) })
    return
  }

  const checked = schemaFor(definition).safeParse(body)
  if (!checked.success) {
    if (!(await admitUnrecorded(reply))) return
    const errors = fieldErrorsOf(checked.error)
    return page.errors(errors, definition.steps ? stepOfFirstError(definition, errors) : undefined)
  }
  await accept(page, request, checked.data, assigned ? experiment : null)
}

async function accept(page: PageRenderer, request: PageRequest, answers: Answers, experiment: ServedExperiment | null) {
  const { reply, version, form, body, variantKey } = page
  const { req } = reply
  const cookies = readVisitorCookies(req.headers.cookie)
  const now = new Date()
  const touch = cookies.lastTouch ?? cookies.firstTouch ?? toTouchJson(touchOf(req, request.path, request.query), now)
  const userAgent = req.headers['user-agent'] ?? null
  const common = {
    workspaceId: version.workspaceId,
    formId: form.id,
    pageId: version.pageId,
    variantKey,
    visitorId: cookies.visitorId,
    idempotencyKey: idempotencyKeyOf(body),
    answers,
    touch,
    device: classifyDevice(userAgent),
  }
  const renderedAt = readFillTimer(body._t)
  const spamReason = spamReasonOf(body, userAgent, renderedAt, form.definition.minFillSeconds ?? DEFAULT_MIN_FILL_SECONDS, now.getTime())
  if (spamReason) {
    if (!(await admitUnrecorded(reply))) return
    // A retry of a held submission (same key) is held once: the unique index refuses the second row.
    await holdAsSpam({ ...common, reason: spamReason, userAgent, experimentId: experiment && cookies.visitorId ? experiment.id : null }).catch((error: unknown) => {
      if (!isUniqueViolation(error, 'spam_submissions_idempotency_key')) throw error
    })
    // Answered like a success, so a bot learns nothing; JSON says it is held, for honest clients that tripped a check.
    return page.succeeded({ leadId: null, conversionId: null, held: true })
  }
  const recorded = await recordConversion({
    ...common,
    formName: form.name,
    experimentId: experiment && cookies.visitorId ? experiment.id : null,
    conversionType: form.definition.conversionType,
    identity: extractLeadIdentity(answers, form.definition),
    firstTouch: cookies.firstTouch ?? touch,
    startedAt: renderedAt ? new Date(renderedAt) : null,
  }, { rateLimit: rateLimitGate(req) })
  if ('limited' in recorded) return tooMany(reply, recorded.limited)
  page.succeeded({ leadId: recorded.leadId, conversionId: recorded.conversionId, held: false })
}

/** The submission's key: the posted one (already checked in handleSubmission) or, when none was sent, a new one. */
function idempotencyKeyOf(body: SubmissionBody) {
  const idem = readIdempotencyKey(body._idem)
  return (idem.ok && idem.key) || generateValue('idem')
}

export function spamReasonOf(body: SubmissionBody, userAgent: string | null, renderedAt: number | null, minFillSeconds: number, now: number): string | null {
  if (typeof body._hp === 'string' ? body._hp.trim() !== '' : body._hp !== undefined && body._hp !== null) return 'honeypot'
  if (isBotUserAgent(userAgent ?? '')) return 'bot'
  if (minFillSeconds > 0) {
    if (renderedAt === null) return 'no-timer'
    if (now - renderedAt < minFillSeconds * 1000) return 'too-fast'
  }
  return null
}

/** Renders the page again around this submission's form: with errors, at another step, or as a success. */
class PageRenderer {
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
    }
    const variant = this.version.variants.get(this.variantKey)!
    const initial = initialFormHtml(this.version, this.variantKey, this.params)
    const html = renderVariantHtml(variant, this.params, (formId) =>
      formId !== this.form.id
        ? initial(formId)
        : renderFormHtml({ formId, definition, variantKey: this.variantKey, runtime, state: { ...state, values, carry } }),
    )
    sendHtml(this.reply.req, this.reply.res, status, html, null)
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
