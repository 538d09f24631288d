import { isBotUserAgent } from '#app/visitors/countable'

// The spam checks every visitor's submission goes through, and the words the review screen shows for each. A post
// a check catches is held (record.server.ts holdAsSpam), answered like a success so a bot learns nothing, and
// waits for a member to restore it (held-submissions.server.ts). No I/O: the caller reads the signed render time
// (fill-timer.server.ts), so the review screen can import the words.

/** A new form's minimum fill time: submissions sooner than this after the form was rendered are held; 0 turns it off. */
export const DEFAULT_MIN_FILL_SECONDS = 1

export type SpamReason = 'honeypot' | 'bot' | 'no-timer' | 'too-fast'

// Why the spam checks held a submission (spam_submissions.reason), in words for the review screen.
export const SPAM_REASONS: Record<string, string> = {
  honeypot: 'Filled in the hidden field',
  bot: 'Sent by a known bot',
  'no-timer': 'No form render time',
  'too-fast': 'Sent faster than a person types',
} satisfies Record<SpamReason, string>

export type SpamCheckInput = {
  /** The hidden field (`_hp`) people never see: anything in it was typed by a bot. */
  honeypot: unknown
  userAgent: string | null
  /** When the form was rendered (the signed `_t`), or null when it is missing or forged. */
  renderedAt: number | null
  /** The form's minimum fill time; 0 turns the check off. */
  minFillSeconds: number | null | undefined
  now: number
}

/** The first check a submission fails, or null when it looks like a person's. */
export function spamReasonOf({ honeypot, userAgent, renderedAt, minFillSeconds, now }: SpamCheckInput): SpamReason | null {
  if (typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined && honeypot !== null) return 'honeypot'
  if (isBotUserAgent(userAgent ?? '')) return 'bot'
  const minimum = minFillSeconds ?? DEFAULT_MIN_FILL_SECONDS
  if (minimum > 0) {
    if (renderedAt === null) return 'no-timer'
    if (now - renderedAt < minimum * 1000) return 'too-fast'
  }
  return null
}
