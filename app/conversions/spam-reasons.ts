// Why the spam checks held a submission (spam_submissions.reason), in words for the review screen.
export const SPAM_REASONS: Record<string, string> = {
  honeypot: 'Filled in the hidden field',
  bot: 'Sent by a known bot',
  'no-timer': 'No form render time',
  'too-fast': 'Sent faster than a person types',
}
