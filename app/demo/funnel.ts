import type { FormDefinition } from '#app/forms/definition'
import { buildSubmissionSchema, extractLeadIdentity } from '#app/forms/validation'
import { computeLeadScore, shouldAutoQualify, type ScoreRules } from '#app/leads/score'
import { createRandom } from '#app/statistics/simulate'
import { DAY_MS } from '#app/time/days'
import type { conversions, leadNotes, leads, leadStageChanges, LeadStage } from '#db/schema'
import { answersFor, withEmailNumber, type Person } from './answers'
import type { ConvertingVisitor, HistoryConversion } from './visits'
import { formLanguageFor } from '#app/visitor-language/catalogue'
import { between, chance, drawUuid, type Random } from './visitors'

// The demo's converting visitors as leads, the way the app would hold them after months of use: each conversion
// with the answers the form's own validation accepted, the lead they built up (as the submission's upsert
// builds it), the automatic MQL the score rules grant, and what the sales team did next — qualifying, offers
// with deal values, customers won and leads lost, with notes. Pure: rows come out, the seed writes them.

const HOUR = 3600 * 1000

export type FunnelInput = {
  workspaceId: string
  /** The member who works the leads (stage changes, notes). */
  userId: string
  now: Date
  seed: number
  converters: ConvertingVisitor[]
  definitions: Map<string, FormDefinition>
  scoreRules: ScoreRules
}
export type Funnel = {
  leads: (typeof leads.$inferInsert)[]
  conversions: (typeof conversions.$inferInsert)[]
  stageChanges: (typeof leadStageChanges.$inferInsert)[]
  notes: (typeof leadNotes.$inferInsert)[]
}

export function buildFunnel(input: FunnelInput): Funnel {
  const funnel: Funnel = { leads: [], conversions: [], stageChanges: [], notes: [] }
  const emails = new Set<string>()
  const schemas = new Map<string, ReturnType<typeof buildSubmissionSchema>>()
  input.converters.forEach((converter, i) => {
    const random = createRandom((input.seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0)
    let person = converter.person
    for (let n = 2; emails.has(person.email); n++) person = withEmailNumber(converter.person, n)
    emails.add(person.email)
    new LeadBuilder(input, funnel, schemas, random, converter, person).build()
  })
  return funnel
}

type Step = { to: LeadStage; days: [number, number] }

/** What sales does next with a lead at `stage`: hot leads (a hard conversion) are qualified fast and often. */
function nextStep(stage: LeadStage, isHot: boolean, random: Random): Step | null {
  const u = random()
  switch (stage) {
    case 'lead':
      if (isHot) return u < 0.85 ? { to: 'mql', days: [0.1, 2] } : null
      return u < 0.3 ? { to: 'mql', days: [2, 20] } : u < 0.35 ? { to: 'lost', days: [1, 10] } : null
    case 'mql':
      if (isHot) return u < 0.65 ? { to: 'sql', days: [1, 7] } : u < 0.77 ? { to: 'lost', days: [3, 15] } : null
      return u < 0.3 ? { to: 'sql', days: [3, 15] } : u < 0.45 ? { to: 'lost', days: [5, 25] } : null
    case 'sql':
      return u < 0.55 ? { to: 'opportunity', days: [3, 14] } : u < 0.75 ? { to: 'lost', days: [5, 20] } : null
    case 'opportunity':
      return u < 0.45 ? { to: 'customer', days: [7, 35] } : u < 0.8 ? { to: 'lost', days: [7, 30] } : null
    default:
      return null
  }
}

const LOST_REASONS = [
  'chose a competitor with an existing contract',
  'no budget before next fiscal year',
  'project put on hold after a reorg',
  'went quiet after the offer',
  'needed on-premise hosting',
]

class LeadBuilder {
  private readonly leadId: string
  private stage: LeadStage = 'lead'
  private dealValue: number | null = null
  private lead!: typeof leads.$inferInsert

  constructor(
    private readonly input: FunnelInput,
    private readonly funnel: Funnel,
    private readonly schemas: Map<string, ReturnType<typeof buildSubmissionSchema>>,
    private readonly random: Random,
    private readonly converter: ConvertingVisitor,
    private readonly person: Person,
  ) {
    this.leadId = drawUuid(random)
  }

  build() {
    let last = 0
    for (const conversion of this.converter.conversions) last = this.addConversion(conversion)
    const isHot = !!this.lead.hotAt
    const firstMemberAt = this.workTheLead(last, isHot)
    this.lead.stage = this.stage
    this.lead.dealValue = this.dealValue
    this.lead.openedAt = this.openedAt(isHot, firstMemberAt)
    this.funnel.leads.push(this.lead)
  }

  /** One conversion and the lead it leaves behind, as the submission's single statement records them. */
  private addConversion(conversion: HistoryConversion) {
    const { input, converter } = this
    const definition = input.definitions.get(conversion.page.formId)!
    let schema = this.schemas.get(conversion.page.formId)
    if (!schema) this.schemas.set(conversion.page.formId, (schema = buildSubmissionSchema(definition, { language: formLanguageFor('en') })))
    const posted = answersFor(definition.fields, { person: this.person, channel: converter.channel, random: this.random, today: conversion.createdAt })
    const parsed = schema.safeParse(posted)
    // The demo's answers come from answers.ts, which fills every kind of field validly: a failure is a bug there.
    if (!parsed.success) throw new Error(`demo answers rejected by form ${conversion.page.formId}: ${JSON.stringify(parsed.error.issues)}`)
    const identity = extractLeadIdentity(parsed.data, definition)
    const isHard = conversion.page.conversionType === 'hard'
    this.funnel.conversions.push({
      id: conversion.id,
      workspaceId: input.workspaceId,
      leadId: this.leadId,
      formId: conversion.page.formId,
      pageId: conversion.page.pageId,
      variantKey: conversion.variantKey,
      experimentId: conversion.experimentId,
      conversionType: conversion.page.conversionType,
      visitorId: conversion.visitorId,
      idempotencyKey: drawUuid(this.random),
      answers: parsed.data,
      touch: conversion.touch,
      firstTouch: conversion.firstTouch,
      device: converter.device,
      firstSeenAt: conversion.firstSeenAt,
      startedAt: conversion.startedAt,
      createdAt: conversion.createdAt,
    })
    const previous = this.lead as typeof this.lead | undefined
    this.lead = {
      id: this.leadId,
      workspaceId: input.workspaceId,
      email: identity.email,
      name: identity.name ?? previous?.name ?? null,
      company: identity.company ?? previous?.company ?? null,
      phone: identity.phone ?? previous?.phone ?? null,
      heardAbout: identity.heardAbout ?? previous?.heardAbout ?? null,
      heardAboutOther: identity.heardAboutOther ?? previous?.heardAboutOther ?? null,
      hotAt: previous?.hotAt ?? (isHard ? conversion.createdAt : null),
      hardConversions: (previous?.hardConversions ?? 0) + (isHard ? 1 : 0),
      softConversions: (previous?.softConversions ?? 0) + (isHard ? 0 : 1),
      pagesViewed: Math.max(previous?.pagesViewed ?? 0, conversion.pagesViewed),
      // First touch and source stay those of the first conversion; the last touch is the latest one's.
      firstTouch: previous?.firstTouch ?? conversion.firstTouch,
      lastTouch: conversion.touch,
      channel: previous?.channel ?? conversion.firstTouch.channel,
      device: converter.device,
      visitorId: converter.visitorId,
      firstSeenAt: previous?.firstSeenAt ?? conversion.firstSeenAt,
      lastConversionAt: conversion.createdAt,
      lastActivityAt: conversion.createdAt,
      createdAt: previous?.createdAt ?? conversion.createdAt,
    }
    const score = computeLeadScore(
      { hardConversions: this.lead.hardConversions!, softConversions: this.lead.softConversions!, pagesViewed: this.lead.pagesViewed!, daysSinceLastActivity: 0 },
      input.scoreRules,
    )
    const at = conversion.createdAt.getTime()
    if (shouldAutoQualify(score, input.scoreRules, this.stage)) this.changeStage('mql', at + 200, { source: 'score' })
    return at
  }

  /** Stage changes by the sales team after the last conversion, as far as time has got; the first one's time. */
  private workTheLead(since: number, isHot: boolean) {
    const now = this.input.now.getTime()
    let at = since
    let firstMemberAt: number | null = null
    for (let step = nextStep(this.stage, isHot, this.random); step; step = nextStep(this.stage, isHot, this.random)) {
      at += between(this.random, ...step.days) * DAY_MS
      if (at >= now) break
      firstMemberAt ??= at
      this.changeStage(step.to, at, { source: 'member' })
    }
    return firstMemberAt
  }

  private changeStage(to: LeadStage, at: number, { source }: { source: 'member' | 'score' }) {
    const { random, person } = this
    let value: number | null = null
    if (to === 'opportunity') value = Math.round((between(random, 6000, 48000) * (this.lead.hardConversions! > 1 ? 1.4 : 1)) / 500) * 500
    // Most deals close at the offered value; some are negotiated down (or up) on the way.
    if (to === 'customer') value = chance(random, 0.7) ? this.dealValue : Math.round((this.dealValue! * between(random, 0.85, 1.05)) / 500) * 500
    const createdAt = new Date(at)
    this.funnel.stageChanges.push({
      workspaceId: this.input.workspaceId,
      leadId: this.leadId,
      fromStage: this.stage,
      toStage: to,
      dealValue: value,
      changedBy: source === 'member' ? this.input.userId : null,
      source,
      createdAt,
    })
    this.stage = to
    this.dealValue = value
    const note = (body: string) =>
      this.funnel.notes.push({ workspaceId: this.input.workspaceId, leadId: this.leadId, authorId: this.input.userId, body, createdAt: new Date(at + between(random, 0.5, 6) * HOUR) })
    if (to === 'sql' && chance(random, 0.5)) note(`Discovery call with ${person.firstName}: ${person.company} runs its landing pages by hand and wants experiments without developers.`)
    if (to === 'opportunity') note(`Sent the offer to ${person.firstName} (${value!.toLocaleString('en-US')}). Decision expected within a month.`)
    if (to === 'customer') note(`${person.company} signed. Kick-off scheduled with ${person.firstName}'s team.`)
    if (to === 'lost' && chance(random, 0.6)) note(`Lost: ${LOST_REASONS[Math.floor(random() * LOST_REASONS.length)]}.`)
  }

  /** Someone opens a lead before working it (hot ones within hours); about half of the last three days' still wait. */
  private openedAt(isHot: boolean, firstMemberAt: number | null) {
    const created = this.lead.createdAt!.getTime()
    const now = this.input.now.getTime()
    const opened = created + between(this.random, isHot ? 0.2 : 2, isHot ? 6 : 48) * HOUR
    if (firstMemberAt !== null) return new Date(Math.min(opened, firstMemberAt - 60_000))
    if (created > now - 3 * DAY_MS && chance(this.random, 0.5)) return null
    return opened < now ? new Date(opened) : null
  }
}
