import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { checkQualityGuardrail } from '#app/experiments/results/guardrail'
import { cellsOf, elementsWith, textOf } from '#tests/render-route'
import { GuardrailNote } from './guardrail-note'
import { SrmLine } from './srm-line'

const settings = { controlKey: 'A', confidence: 0.95, plannedVisitorsPerVariant: null }

test('a blocked winner: the page says auto-ship holds it and why, with the counts, rates and p-values', () => {
  const guardrail = checkQualityGuardrail(settings, 'B', [
    { key: 'A', visitors: 5000, hardConversions: 100, sqlLeads: 150 },
    { key: 'B', visitors: 5000, hardConversions: 110, sqlLeads: 50 },
  ])
  const html = renderToStaticMarkup(<GuardrailNote guardrail={guardrail} autoShip isRunning />)
  expect(html).toContain('data-verdict="blocked"')
  const text = textOf(html)
  expect(text).toContain('Quality guardrail: B is held back')
  expect(text).toContain('B’s leads are significantly worse than A’s: SQL rate 1% against 3% for A (p < 0.0001). Auto-ship does not ship B while this holds; the experiment keeps running.')
  expect(elementsWith(html, 'data-testid="guardrail-check"').map(cellsOf)).toEqual([
    ['Hard-conversion rate', '2.00% (100 of 5,000)', '2.20% (110 of 5,000)', guardrail.checks[0]!.sequentialPValue!.toFixed(4), 'not significantly worse'],
    ['SQL rate', '3.00% (150 of 5,000)', '1.00% (50 of 5,000)', '< 0.0001', 'significantly worse'],
  ])
  // Without auto-ship, the reason stays but nothing is "held".
  expect(textOf(renderToStaticMarkup(<GuardrailNote guardrail={guardrail} autoShip={false} isRunning />))).not.toContain('Auto-ship does not ship')
})

test('a passing winner reads "passed"; the control as winner shows nothing', () => {
  const counts = [
    { key: 'A', visitors: 5000, hardConversions: 100, sqlLeads: 50 },
    { key: 'B', visitors: 5000, hardConversions: 160, sqlLeads: 55 },
  ]
  const passed = renderToStaticMarkup(<GuardrailNote guardrail={checkQualityGuardrail(settings, 'B', counts)} autoShip isRunning />)
  expect(textOf(passed)).toContain('Quality guardrail: passed')
  expect(passed).not.toContain('data-worse="true"')
  expect(renderToStaticMarkup(<GuardrailNote guardrail={checkQualityGuardrail(settings, 'A', counts)} autoShip isRunning />)).toBe('')
})

test('the split line: healthy with its p-value, off with the warning, waiting without visitors', () => {
  const line = (pValue: number | null, detected: boolean) => textOf(renderToStaticMarkup(<SrmLine srm={{ pValue, detected, variants: [], causes: [] }} />))
  expect(line(0.4821, false)).toBe('✓ Split is healthy (SRM p = 0.48): visitors reach the variants in the configured proportions.')
  expect(line(0.00002, true)).toBe('⚠ Split is off (SRM p < 0.0001): the visitor counts do not match the configured split; see the decision above.')
  expect(line(null, false)).toBe('Split check: waits for the first visitors.')
})
