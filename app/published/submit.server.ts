import type { IncomingMessage, ServerResponse } from 'node:http'
import { classifyDevice } from '#app/attribution/device'
import { readFillTimer } from '#app/conversions/fill-timer.server'
import { holdAsSpam, recordConversion, type RateLimitGate } from '#app/conversions/record.server'
import { spamReasonOf, type SpamReason } from '#app/conversions/spam-rules'
import { isUniqueViolation } from '#app/db.server'
import { getEnv } from '#app/env.server'
import { readStickyVariant, type ServedExperiment } from '#app/experiments/serving.server'
import type { FormDefinition } from '#app/forms/definition'
import { buildSubmissionSchema, extractLeadIdentity, type Answers } from '#app/forms/validation'
import { readNodeBodyBytes } from '#app/http/body.server'
import { resolveClientIp } from '#app/http/client-ip'
import { fieldErrorsOf } from '#app/http/field-errors'
import { withServedPage, type ServedPage } from '#app/published/cache.server'
import { readExposureToken, type ExposureToken } from '#app/published/exposure-token.server'
import type { ServedForm, ServedVersion } from '#app/published/load.server'
import type { PageRequest } from '#app/published/page-url'
import { browserSystemMessages } from '#app/published/response.server'
import { idempotencyKeyOf, PageRenderer, Reply, type Errors } from '#app/published/submit-answer.server'
import { parseSubmissionBody, readIdempotencyKey, readStep, stepOfFirstError, unsafeFieldOf, type SubmissionBody } from '#app/published/submission'
import { planVisitorMail } from '#app/leads/visitor-mail.server'
import { consumeRateLimit } from '#app/rate-limits/rate-limit.server'
import type { FormLanguage } from '#app/visitor-language/format'
import { touchOf } from '#app/visitors/visit.server'
import { viewPrivacy } from '#app/visitors/consent'
import { NO_VISITOR_COOKIES, readVisitorCookies, toTouchJson } from '#app/visitors/visitor-cookies'

// POST /p/:slug: a visitor's form submission. Each post is classified once (what it is), then gated once by the
// per-address limit, then answered (submit-answer.server.ts). A 2xx means the conversion is committed in PostgreSQL.

export const BODY_LIMIT = 64 * 1024
export const SUBMISSIONS_PER_IP_PER_MINUTE = 30

export async function submitForm(req: IncomingMessage, res: ServerResponse, request: PageRequest): Promise<void> {
  const reply = new Reply(req, res, /application\/json/i.test(req.headers.accept ?? ''), browserSystemMessages(req))
  try {
    const raw = await readNodeBodyBytes(req, BODY_LIMIT)
    if (!raw) return reply.problem(413, reply.messages.submissionTooLarge(BODY_LIMIT / 1024), { Connection: 'close' })
    await withServedPage(request.slug, (served) => handleSubmission(reply, request, served, raw))
  } catch (error) {
    console.error(`[submit] /p/${request.slug}:`, error)
    if (!res.headersSent) reply.problem(503, reply.messages.submissionNotSaved)
    else res.end()
  }
}

async function handleSubmission(reply: Reply, request: PageRequest, served: ServedPage | null, raw: Buffer) {
  if (!served) return reply.problem(404, reply.messages.notFound)
  reply.speakPageLanguage(served.version.locale)
  const verdict = await classify(reply, request, served, raw)
  // Every post counts against the address's limit, refused ones too. A valid one is counted by the statement
  // that records it (recordConversion), so the common case costs one round trip; any other is counted here.
  if (verdict.kind === 'valid') return accept(verdict.page, verdict.submission)
  if (await admitUnrecorded(reply)) await answerUnrecorded(reply, verdict)
}

/** What a post is, decided before anything is counted or answered. */
type Verdict =
  | { kind: 'refused'; field: '_body' | '_form' | '_idem'; message: string }
  | { kind: 'unsafe'; page: PageRenderer; field: string; message: string; step: number | undefined }
  | { kind: 'back' | 'next-step'; page: PageRenderer; step: number }
  | { kind: 'invalid'; page: PageRenderer; errors: Errors; step: number | undefined }
  | { kind: 'spam'; page: PageRenderer; reason: SpamReason; submission: Submission }
  | { kind: 'valid'; page: PageRenderer; submission: Submission }

async function classify(reply: Reply, request: PageRequest, { version, experiment, privacy: settings }: ServedPage, raw: Buffer): Promise<Verdict> {
  const parsed = await parseSubmissionBody(reply.req.headers['content-type'], raw)
  if (!parsed.ok) return { kind: 'refused', field: '_body', message: parsed.message }
  const { body } = parsed
  const form = pickForm(version, body)
  if (!form) return { kind: 'refused', field: '_form', message: version.forms.size ? 'This page has no such form' : 'This page has no form' }
  const identify = viewPrivacy(settings, reply.req.headers.cookie).identify
  const running = experiment?.status === 'running' ? experiment : null
  // In a running experiment the post is counted for what its view was counted under: the signed exposure a view
  // counted cookieless put in the form (decision 083), else the visitor's sticky variant when they may be identified.
  const exposure = readExposureToken(body._x, running)
  const assigned = !exposure && running && identify ? readStickyVariant(reply.req.headers.cookie, running) : null
  // Else what was served, as the form says; unidentified in a running experiment, a bare `_variant` is not believed.
  const posted = typeof body._variant === 'string' && version.variants.has(body._variant) && (identify || !running) ? body._variant : version.controlKey
  const counted = exposure?.variantKey ?? assigned
  const variantKey = counted && version.variants.has(counted) ? counted : posted
  const page = new PageRenderer(reply, version, variantKey, form, new URLSearchParams(request.query), body)
  const { definition } = form
  const step = readStep(definition, body._step)

  // Text PostgreSQL cannot store (NUL, a lone surrogate): the field's error, shown like any other; and a
  // malformed idempotency key is refused, never replaced (a replaced key would make each retry a new conversion).
  const unsafe = unsafeFieldOf(body)
  if (unsafe) return { kind: 'unsafe', page, field: unsafe.field, message: unsafe.message, step }
  const idem = readIdempotencyKey(body._idem)
  if (!idem.ok) return { kind: 'refused', field: '_idem', message: idem.message }

  // A step of a multi-step form: back (without JS), or its fields checked before the next step is shown.
  if (step !== undefined && body._back !== undefined && !reply.wantsJson) return { kind: 'back', page, step: Math.max(0, step - 1) }
  if (step !== undefined && step < definition.steps!.length - 1) {
    const checked = schemaFor(definition, version.language, step).safeParse(body)
    return checked.success ? { kind: 'next-step', page, step: step + 1 } : { kind: 'invalid', page, errors: fieldErrorsOf(checked.error), step }
  }
  const checked = schemaFor(definition, version.language).safeParse(body)
  if (!checked.success) {
    const errors = fieldErrorsOf(checked.error)
    return { kind: 'invalid', page, errors, step: definition.steps ? stepOfFirstError(definition, errors) : undefined }
  }
  const submission = submissionOf(page, request, checked.data, { identify, experiment: assigned ? running : null, exposure })
  const { userAgent, renderedAt, now } = submission
  const reason = spamReasonOf({ honeypot: body._hp, userAgent, renderedAt, minFillSeconds: definition.minFillSeconds, now })
  return reason ? { kind: 'spam', page, reason, submission } : { kind: 'valid', page, submission }
}

function pickForm(version: ServedVersion, body: SubmissionBody): ServedForm | null {
  const id = typeof body._form === 'string' ? body._form.toLowerCase() : null
  if (id) return version.forms.get(id) ?? null
  // A page with a single form accepts posts that leave out _form (hand-written API clients).
  return version.forms.size === 1 ? [...version.forms.values()][0]! : null
}

const schemas = new WeakMap<FormDefinition, Map<string, ReturnType<typeof buildSubmissionSchema>>>()
/** Submission schemas are built once per form version, page language and step, not per request. */
function schemaFor(definition: FormDefinition, language: FormLanguage, step?: number) {
  let byStep = schemas.get(definition)
  if (!byStep) schemas.set(definition, (byStep = new Map()))
  const key = `${language.locale}:${step ?? 'all'}`
  let schema = byStep.get(key)
  if (!schema) byStep.set(key, (schema = buildSubmissionSchema(definition, { step, language })))
  return schema
}

/**
 * What a valid post records, as a conversion or held as spam, read from the request once. `identify`: whether the
 * visitor's cookies may be read (else none are); `experiment`: the running experiment their sticky variant is in;
 * `exposure`: the signed exposure of a view counted cookieless, whose view id the conversion is counted under.
 */
function submissionOf(
  page: PageRenderer,
  request: PageRequest,
  answers: Answers,
  { identify, experiment, exposure }: { identify: boolean; experiment: ServedExperiment | null; exposure: ExposureToken | null },
) {
  const { req } = page.reply
  const { version, form, variantKey, body } = page
  const cookies = identify ? readVisitorCookies(req.headers.cookie) : NO_VISITOR_COOKIES
  const visitorId = exposure ? exposure.viewId : cookies.visitorId
  const now = new Date()
  const touch = cookies.lastTouch ?? cookies.firstTouch ?? toTouchJson(touchOf(req, request.path, request.query), now)
  const userAgent = req.headers['user-agent'] ?? null
  return {
    common: {
      workspaceId: version.workspaceId,
      formId: form.id,
      pageId: version.pageId,
      variantKey,
      visitorId,
      idempotencyKey: idempotencyKeyOf(body),
      answers,
      touch,
      device: classifyDevice(userAgent),
    },
    experimentId: exposure ? exposure.experimentId : experiment && cookies.visitorId ? experiment.id : null,
    cookieless: !!exposure,
    firstTouch: cookies.firstTouch ?? touch,
    userAgent,
    renderedAt: readFillTimer(body._t),
    now: now.getTime(),
  }
}
type Submission = ReturnType<typeof submissionOf>

function clientIpOf(req: IncomingMessage) {
  return resolveClientIp({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'], hops: getEnv().trustProxyHops })
}

/** The per-address limit, or none when RATE_LIMITS=off. */
function rateLimitGate(req: IncomingMessage): RateLimitGate | undefined {
  return getEnv().RATE_LIMITS === 'off' ? undefined : { key: `submit:${clientIpOf(req)}`, limit: SUBMISSIONS_PER_IP_PER_MINUTE, windowSeconds: 60 }
}

function tooMany(reply: Reply, limited: { retryAfterSeconds: number }) {
  const wait = limited.retryAfterSeconds
  reply.problem(429, reply.messages.tooManySubmissions(wait), { 'Retry-After': String(wait) })
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

async function answerUnrecorded(reply: Reply, verdict: Exclude<Verdict, { kind: 'valid' }>) {
  switch (verdict.kind) {
    case 'refused':
      return reply.wantsJson ? reply.json(400, { errors: { [verdict.field]: [verdict.message] } }) : reply.problem(400, verdict.message)
    case 'unsafe':
      return verdict.page.fieldError(verdict.field, verdict.message, verdict.step)
    case 'back':
      return verdict.page.show(200, { step: verdict.step })
    case 'next-step':
      return reply.wantsJson ? reply.json(200, { step: verdict.step }) : verdict.page.show(200, { step: verdict.step })
    case 'invalid':
      return verdict.page.errors(verdict.errors, verdict.step)
    case 'spam':
      return hold(verdict.page, verdict.submission, verdict.reason)
  }
}

async function hold(page: PageRenderer, { common, experimentId, cookieless, userAgent }: Submission, reason: SpamReason) {
  // A retry of a held submission (same key) is held once: the unique index refuses the second row.
  await holdAsSpam({ ...common, reason, userAgent, experimentId, cookieless }).catch((error: unknown) => {
    if (!isUniqueViolation(error, 'spam_submissions_idempotency_key')) throw error
  })
  // Answered like a success, so a bot learns nothing; JSON says it is held, for honest clients that tripped a check.
  page.succeeded({ leadId: null, conversionId: null, held: true })
}

async function accept(page: PageRenderer, { common, experimentId, cookieless, firstTouch, renderedAt }: Submission) {
  const { form, reply } = page
  const recorded = await recordConversion(
    {
      ...common,
      formName: form.name,
      experimentId,
      cookieless,
      conversionType: form.definition.conversionType,
      identity: extractLeadIdentity(common.answers, form.definition),
      firstTouch,
      startedAt: renderedAt ? new Date(renderedAt) : null,
      alerts: form.definition.alerts ? { config: form.definition.alerts, pagePath: `/p/${page.version.slug}`, fields: form.definition.fields } : undefined,
      // The visitor's mail speaks the page's language (en, sv, da; English for the others until translated).
      visitorMail: planVisitorMail(form, { pageLocale: page.version.locale }),
    },
    { rateLimit: rateLimitGate(reply.req) },
  )
  if ('limited' in recorded) return tooMany(reply, recorded.limited)
  page.succeeded({ leadId: recorded.leadId, conversionId: recorded.conversionId, held: false })
}
