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

test('the history shows the quality guardrail: passed on a shipped winner, and a hold with its reason', () => {
  const guardrail = (verdict: string, sqlWorse: boolean) => ({
    rule: '…',
    variantKey: 'B',
    control: 'A',
    confidence: 0.95,
    verdict,
    checks: [
      {
        check: 'hard_rate',
        control: { key: 'A', visitors: 5000, count: 100, rate: 0.02 },
        variant: { key: 'B', visitors: 5000, count: 110, rate: 0.022 },
        relativeLift: 0.1,
        sequentialPValue: 1,
        isWorse: false,
      },
      {
        check: 'sql_rate',
        control: { key: 'A', visitors: 5000, count: 150, rate: 0.03 },
        variant: { key: 'B', visitors: 5000, count: 50, rate: 0.01 },
        relativeLift: -0.66,
        sequentialPValue: 0.00001,
        isWorse: sqlWorse,
      },
    ],
  })
  const html = renderToStaticMarkup(
    <ExperimentHistory
      events={[
        event('1', 'winner', { variantKey: 'B', evidence: { relativeLift: 0.6, significant: true, guardrail: guardrail('passed', false) } }, 'auto', null),
        event('2', 'auto_ship_held', { variantKey: 'B', failing: ['sql_rate'], evidence: { guardrail: guardrail('blocked', true) } }, 'auto', null),
        event('3', 'auto_ship_held', { variantKey: 'C', evidence: { guardrail: 'garbled' } }, 'auto', null),
      ]}
    />,
  )
  const text = textOf(html)
  expect(text).toContain('The auto-ship rule declared B the winner (+60.0 % against the control, significant); quality guardrail passed')
  expect(text).toContain('The auto-ship rule held B back, the experiment kept running: B’s leads are significantly worse than A’s: SQL rate 1% against 3% for A (p < 0.0001).')
  expect(text).toMatch(/The auto-ship rule held C back, the experiment kept running\s*\d/)
})

test('the history says when the lead maturity changed', () => {
  const html = renderToStaticMarkup(<ExperimentHistory events={[event('1', 'maturity', { from: 14, to: 30 }, 'api', null)]} />)
  expect(textOf(html)).toContain('An API key changed the lead maturity from 14 to 30 days')
})
