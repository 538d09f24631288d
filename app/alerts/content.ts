import { z } from 'zod'
import { describeAnswer, readFormLabels } from '#app/leads/answers'
import type { AnswersJson } from '#db/schema'

// What a lead alert says, stored with the queued message (the worker renders it later): the lead, the answers as
// the marketer reads them (labels, not stored option values), where it came from and the way to the lead.
// Pure: shared by the email and the chat template, and by the digest.

export const AlertLeadSchema = z.object({
  leadId: z.uuid(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  temperature: z.enum(['hot', 'cold']),
  formName: z.string(),
  /** The published page's path, `/p/<slug>`, and the variant the visitor saw. */
  pagePath: z.string(),
  variantKey: z.string(),
  /** The channel of the lead's first touch (paid search, organic social, …). */
  source: z.string(),
  answers: z.array(z.object({ label: z.string(), value: z.string() })),
  convertedAt: z.string(),
})
export type AlertLead = z.infer<typeof AlertLeadSchema>

// The daily digest of one form's cold leads (app/alerts/digest.server.ts): the local day they came in and who.
export const LeadDigestSchema = z.object({
  formName: z.string(),
  day: z.string(),
  leads: z.array(AlertLeadSchema.pick({ leadId: true, name: true, email: true, company: true, source: true, pagePath: true })).min(1),
})
export type LeadDigest = z.infer<typeof LeadDigestSchema>

const MAX_ANSWER_LENGTH = 500

/** The answers in the form's order, each with its field's label and its chosen options' labels. */
export function labelledAnswers(answers: AnswersJson, fields: unknown[]): AlertLead['answers'] {
  const { fieldLabels, optionLabels } = readFormLabels(fields)
  return Object.entries(answers)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const text = describeAnswer(value, optionLabels[key])
        .map((part) => part.text)
        .join(', ')
      return { label: fieldLabels[key] ?? key, value: text.length > MAX_ANSWER_LENGTH ? `${text.slice(0, MAX_ANSWER_LENGTH)}…` : text }
    })
}

export const leadUrl = (appUrl: string, leadId: string) => `${appUrl}/leads/${leadId}`

/** "Dana Example (Acme)", or the email, or "A visitor" for a form that asks neither. */
export function whoIs(lead: Pick<AlertLead, 'name' | 'email' | 'company'>) {
  const who = lead.name ?? lead.email ?? 'A visitor'
  return lead.company ? `${who} (${lead.company})` : who
}

/** Channel ids read as words: "paid_search" → "paid search". */
export const sourceLabel = (source: string) => source.replaceAll('_', ' ')
