import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { textOf } from '#tests/render-route'
import { ExperimentHistory, type ExperimentEvent } from './history'

const at = new Date('2026-11-20T10:00:00Z')
const event = (id: string, action: string, detail: Record<string, unknown>, actor = 'member', userName: string | null = 'Ada'): ExperimentEvent => ({
  id,
  action,
  detail,
  actor,
  userName,
  createdAt: at,
})

test('the history says who declared the winner and what it rested on', () => {
  const html = renderToStaticMarkup(
    <ExperimentHistory
      events={[
        event('1', 'winner', { variantKey: 'B', evidence: { relativeLift: 0.6, significant: true } }, 'api', null),
        event('2', 'winner', { variantKey: 'C', evidence: { relativeLift: -0.042, significant: false } }),
        event('3', 'winner', { variantKey: 'A', evidence: { relativeLift: null, significant: false } }, 'auto', null),
        event('4', 'winner', { variantKey: 'A' }),
      ]}
    />,
  )
  const text = textOf(html)
  expect(text).toContain('An API key declared B the winner (+60.0 % against the control, significant)')
  expect(text).toContain('Ada declared C the winner (−4.2 % against the control, not significant)')
  expect(text).toContain('The auto-ship rule declared A the winner (no data to compare yet)')
  // Declared before the evidence was recorded for every declaration: just the variant.
  expect(text).toMatch(/Ada declared A the winner\s*\d/)
})

test('the history says when the lead maturity changed', () => {
  const html = renderToStaticMarkup(<ExperimentHistory events={[event('1', 'maturity', { from: 14, to: 30 }, 'api', null)]} />)
  expect(textOf(html)).toContain('An API key changed the lead maturity from 14 to 30 days')
})
