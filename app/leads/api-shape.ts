import type { LeadDetail } from '#app/leads/detail.server'
import type { LeadListItem } from '#app/leads/list.server'

// The public API's lead shapes (/api/v1/leads), picked field by field so that internal columns never leak into a
// response when the queries grow.

export function listedLeadForApi(lead: LeadListItem) {
  return {
    id: lead.id,
    email: lead.email,
    name: lead.name,
    company: lead.company,
    phone: lead.phone,
    temperature: lead.temperature,
    hotAt: lead.hotAt,
    stage: lead.stage,
    dealValue: lead.dealValue,
    score: lead.score,
    source: lead.source,
    heardAbout: lead.heardAbout,
    firstSeenAt: lead.firstSeenAt,
    lastConversionAt: lead.lastConversionAt,
    createdAt: lead.createdAt,
    openedAt: lead.openedAt,
    // Double opt-in: null until the visitor opens the confirmation link (and for a lead no form asked to confirm).
    confirmedAt: lead.confirmedAt,
    confirmationRequestedAt: lead.confirmationRequestedAt,
  }
}

export function leadForApi(lead: LeadDetail) {
  return {
    ...listedLeadForApi(lead),
    heardAboutOther: lead.heardAboutOther,
    hardConversions: lead.hardConversions,
    softConversions: lead.softConversions,
    pagesViewed: lead.pagesViewed,
    device: lead.device,
    firstTouch: lead.firstTouch,
    lastTouch: lead.lastTouch,
    lastActivityAt: lead.lastActivityAt,
    erasedAt: lead.erasedAt,
    conversions: lead.conversions.map((c) => ({
      id: c.id,
      createdAt: c.createdAt,
      conversionType: c.conversionType,
      formId: c.formId,
      formName: c.formName,
      pageId: c.pageId,
      pageName: c.pageName,
      pageSlug: c.pageSlug,
      variantKey: c.variantKey,
      // As the visitor typed them: JSON strings, never HTML. Whoever renders them must escape them.
      answers: c.answers,
      touch: c.touch,
      firstTouch: c.firstTouch,
      device: c.device,
      firstSeenAt: c.firstSeenAt,
      secondsToConvert: c.timeToConvertMs === null ? null : Math.round(c.timeToConvertMs / 1000),
    })),
    stageChanges: lead.stageChanges.map((s) => ({
      fromStage: s.fromStage,
      toStage: s.toStage,
      dealValue: s.dealValue,
      source: s.source,
      changedBy: s.changedByName,
      createdAt: s.createdAt,
    })),
  }
}
