import { buildExperimentConsent } from './consent'
import { describe, expect, test } from 'vitest'
import { analyze } from '#app/statistics/analyze'
import { analyzeMean } from '#app/statistics/mean'
import type { Decision } from '#app/statistics/analyze'
import { checkQualityGuardrail } from './guardrail'
import { suggestNextStep } from './next-step'
import { computeProgress, computeResults, recentDailyVisitors, toCounts, type DailyRow, type ResultsExperimentRow } from './compute'
import { resultsCsv } from './csv'
import type { SegmentRow } from './series'
import { summarizeExperiment } from './summary'

// Expected values computed by hand (python3, scipy 1.17 for z only) from the textbook formulas:
// Wilson  (p + z²/2n)/(1 + z²/n) ± z/(1 + z²/n)·√(p(1−p)/n + z²/4n²)
// Katz    exp(ln(p_t/p_c) ± m·√(1/x_t − 1/n_t + 1/x_c − 1/n_c)) − 1, m = z, or over time the sequence's
//         M = √(2(nρ²+1)/(nρ²)·ln(√(nρ²+1)/α)), ρ = √((−2 ln α + ln(−2 ln α + 1))/5000)

const FORM = '0b7f6d0e-8d47-4c53-9f0e-3e2b9c1d4a55'
const experiment: ResultsExperimentRow = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Headline',
  status: 'running',
  variants: [
    { key: 'A', weight: 0.5 },
    { key: 'B', weight: 0.5 },
  ],
  controlKey: 'A',
  coverage: 1,
  confidence: 0.95,
  primaryMetric: 'any',
  secondaryMetrics: ['hard'],
  minRuntimeDays: 7,
  maturityDays: 14,
  plannedVisitorsPerVariant: null,
  autoShip: false,
  winnerKey: null,
  startedAt: new Date('2026-01-01T00:00:00Z'),
  concludedAt: null,
}
const page = { id: '22222222-2222-4222-8222-222222222222', name: 'Webinar', slug: 'webinar' }

const row = (day: string, variantKey: string, metric: string, count: number): DailyRow => ({ day, variantKey, metric, count })
// Day 1 and day 3 (no rows on day 2). Totals: A 200 visitors, any 10 (soft 9, hard 1); B 200, any 30 (soft 18, hard 12).
const daily: DailyRow[] = [
  row('2026-01-01', 'A', '', 100),
  row('2026-01-01', 'B', '', 100),
  row('2026-01-01', 'A', 'any', 4),
  row('2026-01-01', 'B', 'any', 12),
  row('2026-01-01', 'A', 'soft', 3),
  row('2026-01-01', 'A', 'hard', 1),
  row('2026-01-01', 'B', 'soft', 8),
  row('2026-01-01', 'B', 'hard', 4),
  row('2026-01-01', 'B', `form:${FORM}`, 5),
  row('2026-01-03', 'A', '', 100),
  row('2026-01-03', 'B', '', 100),
  row('2026-01-03', 'A', 'any', 6),
  row('2026-01-03', 'B', 'any', 18),
  row('2026-01-03', 'A', 'soft', 6),
  row('2026-01-03', 'B', 'soft', 10),
  row('2026-01-03', 'B', 'hard', 8),
]
const seg = (segment: string, variantKey: string, metric: string, count: number): SegmentRow => ({ segment, variantKey, metric, count })
const device: SegmentRow[] = [
  seg('mobile', 'A', '', 120),
  seg('mobile', 'A', 'any', 4),
  seg('mobile', 'B', '', 80),
  seg('mobile', 'B', 'any', 15),
  seg('desktop', 'A', '', 80),
  seg('desktop', 'A', 'any', 6),
  seg('desktop', 'B', '', 120),
  seg('desktop', 'B', 'any', 15),
  seg('mobile', 'B', 'hard', 7),
]
const channel: SegmentRow[] = [
  seg('organic_search', 'A', '', 150),
  seg('organic_search', 'A', 'any', 8),
  seg('organic_search', 'B', '', 150),
  seg('organic_search', 'B', 'any', 20),
  seg('newsletter-x', 'A', '', 50),
  seg('newsletter-x', 'A', 'any', 2),
  seg('newsletter-x', 'B', '', 50),
  seg('newsletter-x', 'B', 'any', 10),
]
const leadStages = [
  { variantKey: 'A', leads: 10, mql: 5, sql: 2, opportunity: 1, customer: 1, lost: 3, pipelineValue: 5000 },
  { variantKey: 'B', leads: 29, mql: 20, sql: 4, opportunity: 1, customer: 0, lost: 2, pipelineValue: 1000 },
]
const now = new Date('2026-01-05T12:00:00Z')
const results = {
  ...computeResults({ experiment, page, metric: 'any', daily, device, channel, leadStages, leadOutcomes: [], maturityCutoff: '2025-12-22', formNames: { [FORM]: 'Demo request' }, now }),
  consent: buildExperimentConsent(['A', 'B'], []),
}

const close = (actual: number | null | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 12)
const closeInterval = (actual: [number, number] | null | undefined, expected: [number, number]) => {
  expect(actual).not.toBeNull()
  close(actual![0], expected[0])
  close(actual![1], expected[1])
}

describe('computeResults', () => {
  test('the variant table: counts, rates with Wilson intervals, soft and hard side by side', () => {
    const [a, b] = results.variants
    expect(a).toMatchObject({ key: 'A', visitors: 200, conversions: 10, rate: 0.05, isControl: true, isWinner: false, weight: 0.5 })
    expect(b).toMatchObject({ key: 'B', visitors: 200, conversions: 30, rate: 0.15, isControl: false })
    closeInterval(a!.ci, [0.02738264560076393, 0.08957814813877599])
    closeInterval(b!.ci, [0.10713593562241994, 0.2060557928416666])
    expect(a!.soft.conversions).toBe(9)
    closeInterval(a!.soft.ci, [0.023852543001492997, 0.0832967040018196])
    expect(b!.hard).toMatchObject({ conversions: 12, rate: 0.06 })
    closeInterval(b!.hard.ci, [0.03465219425433187, 0.1019316929576627])
    close(b!.vsControl!.relativeLift, 2)
    closeInterval(b!.vsControl!.relativeLiftCi, [0.5072632035299651, 4.971087185650302])
    closeInterval(b!.vsControl!.sequentialRelativeLiftCi, [-0.2855884428793012, 11.597780523418185])
    expect(a!.vsControl).toBeUndefined()
  })

  test('the statistics are analyze()’s own, on the same counts and settings', () => {
    const analysis = analyze({
      variants: [
        { key: 'A', visitors: 200, conversions: 10 },
        { key: 'B', visitors: 200, conversions: 30 },
      ],
      control: 'A',
      confidence: 0.95,
      weights: [0.5, 0.5],
      dailyVisitors: 200,
    })
    expect(results.variants.map(({ weight: _w, isControl: _c, isWinner: _i, soft: _s, hard: _h, cookieless: _x, ...v }) => v)).toEqual(analysis.variants)
    expect(results.decision).toMatchObject(analysis.decision)
    expect(results.srm).toMatchObject({ pValue: analysis.srm.pValue, detected: false })
    expect(results.srm.variants).toEqual([
      { key: 'A', visitors: 200, observedShare: 0.5, expectedShare: 0.5 },
      { key: 'B', visitors: 200, observedShare: 0.5, expectedShare: 0.5 },
    ])
    expect(results.srm.causes.length).toBeGreaterThan(2)
  })

  test('the daily series fills the gap day and carries the cumulative rate, interval and sequential lift', () => {
    expect(results.daily.map((d) => d.day)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03'])
    const [day1, day2, day3] = results.daily
    expect(day1!.variants[0]).toMatchObject({ key: 'A', visitors: 100, conversions: 4, cumulativeVisitors: 100, cumulativeConversions: 4, rate: 0.04, relativeLift: null, relativeLiftCi: null })
    closeInterval(day1!.variants[0]!.ci, [0.01566330399154762, 0.0983707143588792])
    closeInterval(day1!.variants[1]!.ci, [0.0699940643701949, 0.19812099426711421])
    close(day1!.variants[1]!.relativeLift, 2)
    closeInterval(day1!.variants[1]!.relativeLiftCi, [-0.8272916180119086, 51.11096240031113])
    expect(day2!.variants[1]).toMatchObject({ visitors: 0, conversions: 0, cumulativeVisitors: 100, cumulativeConversions: 12 })
    closeInterval(day2!.variants[1]!.relativeLiftCi, [-0.8272916180119086, 51.11096240031113])
    expect(day3!.variants[1]).toMatchObject({ visitors: 100, conversions: 18, cumulativeVisitors: 200, cumulativeConversions: 30, rate: 0.15 })
    // The last day's cumulative lift interval is the table's sequential one.
    expect(day3!.variants[1]!.relativeLiftCi).toEqual(results.variants[1]!.vsControl!.sequentialRelativeLiftCi)
  })

  test('breakdowns by device and channel, each with its own rates and lift; unknown segments are "other"', () => {
    expect(results.breakdowns.device.map((s) => s.segment)).toEqual(['mobile', 'tablet', 'desktop'])
    const [mobile, tablet, desktop] = results.breakdowns.device
    expect(mobile).toMatchObject({ label: 'Mobile', visitors: 200, conversions: 19, rate: 0.095 })
    expect(mobile!.variants[1]).toMatchObject({ visitors: 80, conversions: 15, rate: 0.1875 })
    closeInterval(mobile!.variants[0]!.ci, [0.013037551098350607, 0.08258033755910599])
    closeInterval(mobile!.variants[1]!.ci, [0.11705310466977323, 0.28658322628993116])
    close(mobile!.variants[1]!.relativeLift, 4.625)
    closeInterval(mobile!.variants[1]!.relativeLiftCi, [0.9370873988326871, 15.334123601788455])
    expect(tablet).toMatchObject({ visitors: 0, conversions: 0, rate: null })
    expect(tablet!.variants[1]).toMatchObject({ rate: null, ci: null, relativeLift: null, relativeLiftCi: null })
    closeInterval(desktop!.variants[1]!.relativeLiftCi, [-0.32475057020286835, 3.113706217585875])
    expect(results.breakdowns.channel.map((s) => s.segment)).toEqual(['organic_search', 'paid_search', 'social', 'email', 'referral', 'direct', 'other'])
    const other = results.breakdowns.channel.at(-1)!
    expect(other).toMatchObject({ label: 'Other', visitors: 100, conversions: 12 })
    close(other.variants[1]!.relativeLift, 4)
    closeInterval(other.variants[1]!.relativeLiftCi, [0.1534242979209175, 20.674591080717878])
  })

  test('lead quality: hard share, stages reached, pipeline value per 1,000 visitors', () => {
    const [a, b] = results.leadQuality
    expect(a).toEqual({
      key: 'A',
      visitors: 200,
      convertedVisitors: 10,
      hardConversions: 1,
      hardShare: 0.1,
      leads: 10,
      reached: { mql: 5, sql: 2, opportunity: 1, customer: 1 },
      reachedShare: { mql: 0.5, sql: 0.2, opportunity: 0.1, customer: 0.1 },
      lost: 3,
      pipelineValue: 5000,
      pipelineValuePer1000Visitors: 25000,
    })
    expect(b).toMatchObject({ hardShare: 0.4, leads: 29, reached: { customer: 0 }, pipelineValuePer1000Visitors: 5000 })
  })

  test('progress: days running, the minimum runtime, the recent daily visitors', () => {
    expect(results.progress).toEqual({
      timeZone: 'UTC',
      plannedVisitorsPerVariant: null,
      variants: [
        { key: 'A', visitors: 200, planned: null, share: null },
        { key: 'B', visitors: 200, planned: null, share: null },
      ],
      daysRunning: 4,
      minRuntimeDays: 7,
      minRuntimeReached: false,
      minRuntimeEndsAt: '2026-01-08T00:00:00.000Z',
      dailyVisitors: 200,
    })
    // In Stockholm the week from 00:00 UTC on January 1st ends at the same wall-clock time (01:00 there), and the
    // days running and the minimum runtime follow its calendar.
    const stockholm = computeProgress({ ...experiment, minRuntimeDays: 7 }, [200, 200], 200, now, 'Europe/Stockholm')
    expect(stockholm).toMatchObject({ timeZone: 'Europe/Stockholm', minRuntimeEndsAt: '2026-01-08T00:00:00.000Z', daysRunning: 4 })
    const spring = { ...experiment, startedAt: new Date('2026-03-25T08:00:00Z'), concludedAt: null, minRuntimeDays: 7 }
    const almostAWeek = new Date('2026-04-01T07:30:00Z') // 6 days 23.5 hours: a week on Stockholm's clocks
    expect(computeProgress(spring, [1, 1], null, almostAWeek, 'Europe/Stockholm')).toMatchObject({ daysRunning: 7, minRuntimeReached: true, minRuntimeEndsAt: '2026-04-01T07:00:00.000Z' })
    expect(computeProgress(spring, [1, 1], null, almostAWeek)).toMatchObject({ daysRunning: 6, minRuntimeReached: false, minRuntimeEndsAt: '2026-04-01T08:00:00.000Z' })
    expect(recentDailyVisitors([])).toBeNull()
  })

  test('the metric switcher offers any, soft, hard, the lead metrics and the forms with conversions; another metric switches every figure', () => {
    expect(results.metrics.map((m) => [m.key, m.param, m.label, m.isPrimary])).toEqual([
      ['any', 'any', 'Any conversion', true],
      ['soft', 'soft', 'Soft conversions', false],
      ['hard', 'hard', 'Hard conversions', false],
      ['hot', 'hot', 'Hot leads', false],
      ['mql', 'mql', 'Reached MQL', false],
      ['sql', 'sql', 'Reached SQL', false],
      ['opportunity', 'opportunity', 'Reached opportunity', false],
      ['customer', 'customer', 'Became customers', false],
      ['pipeline', 'pipeline', 'Pipeline per visitor', false],
      [`form:${FORM}`, FORM, 'Form: Demo request', false],
    ])
    const hard = computeResults({ experiment, page, metric: 'hard', daily, device, channel, leadStages, leadOutcomes: [], maturityCutoff: '2025-12-22', formNames: {}, now })
    expect(hard.metric.key).toBe('hard')
    expect(hard.variants.map((v) => v.conversions)).toEqual([1, 12])
    expect(hard.daily[2]!.variants.map((v) => v.cumulativeConversions)).toEqual([1, 12])
    expect(hard.breakdowns.device[0]!.variants.map((v) => v.conversions)).toEqual([0, 7])
  })

  // Lead metrics over the visitors exposed by the cutoff (day 1 only: 100 per variant), on both sides.
  const outcomes = [
    { variantKey: 'A', hot: 3, mql: 6, sql: 4, opportunity: 2, customer: 1, total: 1200, sumOfSquares: 1000 ** 2 + 200 ** 2 },
    { variantKey: 'B', hot: 9, mql: 12, sql: 3, opportunity: 1, customer: 0, total: 700, sumOfSquares: 700 ** 2 },
  ]
  const lead = (metric: 'sql' | 'pipeline') =>
    computeResults({ experiment, page, metric, daily, device, channel, leadStages, leadOutcomes: outcomes, maturityCutoff: '2026-01-02', formNames: {}, now })

  test('a stage metric: the mature visitors and those whose lead got there, through analyze(); no series or breakdowns', () => {
    const sql = lead('sql')
    expect(sql.variants.map((v) => [v.key, v.visitors, v.conversions])).toEqual([
      ['A', 100, 4],
      ['B', 100, 3],
    ])
    // No daily traffic for a lead metric's analysis: its days needed wait for the leads to mature (below).
    const expected = analyze({ variants: [toCounts('A', 100, 4), toCounts('B', 100, 3)], control: 'A', confidence: 0.95, weights: [0.5, 0.5] })
    expect(
      sql.variants.map(({ key, visitors, conversions, rate, ci, probabilityToBeBest, expectedLoss, vsControl }) => ({
        key,
        visitors,
        conversions,
        rate,
        ci,
        probabilityToBeBest,
        expectedLoss,
        ...(vsControl ? { vsControl } : {}),
      })),
    ).toEqual(expected.variants)
    // The 200 visitors of day 3 mature first (the day after the cutoff), then new traffic at 200 a day, each
    // day's visitors 14 days after they arrive.
    const needed = expected.decision.visitorsNeeded!
    expect(needed).toBeGreaterThan(200)
    expect(sql.decision).toMatchObject({ ...expected.decision, daysNeeded: Math.ceil((needed - 200) / 200) + 14, maturingDays: 14 })
    expect(sql.decision.reason).not.toMatch(/days/)
    // With a plan of 500 per variant: 800 more mature visitors, 200 already waiting, 3 days of traffic, then 14 days.
    const planned = computeResults({
      experiment: { ...experiment, plannedVisitorsPerVariant: 500 },
      page,
      metric: 'sql',
      daily,
      device,
      channel,
      leadStages,
      leadOutcomes: outcomes,
      maturityCutoff: '2026-01-02',
      formNames: {},
      now,
    })
    expect(planned.decision).toMatchObject({ status: 'collecting', visitorsNeeded: 800, daysNeeded: 17, maturingDays: 14 })
    expect(planned.decision.action.text).toBe('Keep collecting: about 800 more visitors, about 17 days, 14 of them for the leads of the last visitors to mature.')
    expect(sql.maturity).toEqual({ maturityDays: 14, cutoffDay: '2026-01-02', matureVisitors: 200, visitors: 400 })
    expect(sql.progress.variants.map((v) => v.visitors)).toEqual([100, 100])
    expect(sql.daily).toEqual([])
    expect(sql.breakdowns).toEqual({ device: [], channel: [] })
  })

  test('pipeline: visitors, total and mean per variant from the sum and sum of squares, through analyzeMean(); the decision is its', () => {
    const p = lead('pipeline')
    expect(p.variants).toEqual([])
    const expected = analyzeMean({
      variants: [
        { key: 'A', visitors: 100, total: 1200, sumOfSquares: 1000 ** 2 + 200 ** 2 },
        { key: 'B', visitors: 100, total: 700, sumOfSquares: 700 ** 2 },
      ],
      control: 'A',
      confidence: 0.95,
      weights: [0.5, 0.5],
    })
    expect(p.pipeline.variants).toEqual(expected.variants.map((v, i) => ({ ...v, weight: 0.5, isControl: i === 0, isWinner: false })))
    expect(p.pipeline.variants.map((v) => [v.visitors, v.total, v.mean])).toEqual([
      [100, 1200, 12],
      [100, 700, 7],
    ])
    const needed = expected.decision.visitorsNeeded!
    expect(p.decision).toMatchObject({ ...expected.decision, daysNeeded: Math.ceil((needed - 200) / 200) + 14, maturingDays: 14 })
    expect(p.decision).toMatchObject(p.pipeline.decision)
    expect(p.srm.variants.map((v) => v.visitors)).toEqual([100, 100])
  })

  test('conversions are capped at visitors (a conversion batch landing before its exposure)', () => {
    expect(toCounts('A', 3, 5)).toEqual({ key: 'A', visitors: 3, conversions: 3 })
    const early = computeResults({
      experiment,
      page,
      metric: 'any',
      daily: [row('2026-01-01', 'A', 'any', 1)],
      device: [],
      channel: [],
      leadStages: [],
      leadOutcomes: [],
      maturityCutoff: '2025-12-22',
      formNames: {},
      now,
    })
    expect(early.variants.map((v) => [v.visitors, v.conversions, v.rate])).toEqual([
      [0, 0, null],
      [0, 0, null],
    ])
    expect(early.decision.status).toBe('collecting')
  })
})

describe('suggestNextStep', () => {
  const decision = (d: Partial<Decision>): Decision => ({ status: 'collecting', variant: null, reason: '', ...d })
  const reached = { minRuntimeReached: true, minRuntimeEndsAt: '2026-01-08T00:00:00.000Z' }
  const running = { ...experiment, status: 'running' as const }
  test.each([
    [decision({ status: 'winner', variant: 'B' }), reached, 'ship', 'Declare B the winner: every visitor then gets it.'],
    [
      decision({ status: 'winner', variant: 'B' }),
      { minRuntimeReached: false, minRuntimeEndsAt: '2026-01-08T00:00:00.000Z' },
      'wait_min_runtime',
      'B is ahead, but keep it running for the minimum 7 days (until 2026-01-08) so every weekday is in the data.',
    ],
    [decision({ status: 'collecting', visitorsNeeded: 12345, daysNeeded: 3 }), reached, 'keep_collecting', 'Keep collecting: about 12,345 more visitors, about 3 days.'],
    [decision({ status: 'srm' }), reached, 'fix_split', expect.stringContaining('broken split')],
    [decision({ status: 'control', variant: 'A' }), reached, 'keep_control', 'Stop the experiment and keep A: no variant beats it.'],
    [decision({ status: 'no_difference' }), reached, 'stop_no_difference', expect.stringContaining('about the same')],
  ])('%#: %o → %s', (d, progress, kind, text) => {
    expect(suggestNextStep(running, d, progress)).toMatchObject({ kind, text })
  })
  test('a winner the quality guardrail blocks: still "ship" for a member, with the reason; auto-ship holds it', () => {
    const blocked = checkQualityGuardrail({ controlKey: 'A', confidence: 0.95, plannedVisitorsPerVariant: null }, 'B', [
      { key: 'A', visitors: 5000, hardConversions: 100, sqlLeads: 150 },
      { key: 'B', visitors: 5000, hardConversions: 100, sqlLeads: 50 },
    ])
    const step = suggestNextStep({ ...running, autoShip: true }, decision({ status: 'winner', variant: 'B' }), reached, blocked)
    expect(step).toMatchObject({ kind: 'ship', variant: 'B' })
    expect(step.text).toBe(
      'Check lead quality before declaring B the winner. B’s leads are significantly worse than A’s: SQL rate 1% against 3% for A (p < 0.0001). Auto-ship holds it and the experiment keeps running. Declare it only if more conversions are worth worse leads.',
    )
  })
  test('auto-ship, paused, draft and concluded experiments', () => {
    expect(suggestNextStep({ ...running, autoShip: true }, decision({ status: 'winner', variant: 'B' }), reached).text).toContain('Auto-ship will declare it')
    expect(suggestNextStep({ ...running, status: 'paused' }, decision({}), reached).text).toMatch(/^Resume the experiment/)
    expect(suggestNextStep({ ...running, status: 'draft' }, decision({}), reached).kind).toBe('start')
    // The day the minimum runtime ends is the workspace's: 23:30 UTC on the 7th is the 8th in Stockholm.
    const late = { minRuntimeReached: false, minRuntimeEndsAt: '2026-01-07T23:30:00.000Z' }
    expect(suggestNextStep(running, decision({ status: 'winner', variant: 'B' }), { ...late, timeZone: 'Europe/Stockholm' }).text).toContain('(until 2026-01-08)')
    expect(suggestNextStep(running, decision({ status: 'winner', variant: 'B' }), late).text).toContain('(until 2026-01-07)')
    expect(suggestNextStep({ ...running, status: 'concluded', winnerKey: 'B' }, decision({ status: 'winner', variant: 'B' }), reached)).toEqual({
      kind: 'none',
      variant: 'B',
      text: 'Concluded: B won and every visitor gets it.',
    })
  })
})

describe('summarizeExperiment', () => {
  test('totals on the primary metric, the leader and its lift, the decision, SRM', () => {
    const totals = [
      { variantKey: 'A', metric: '', count: 1000 },
      { variantKey: 'B', metric: '', count: 1000 },
      { variantKey: 'A', metric: 'any', count: 50 },
      { variantKey: 'B', metric: 'any', count: 80 },
    ]
    const summary = summarizeExperiment(experiment, totals)
    expect(summary).toMatchObject({ experimentId: experiment.id, visitors: 2000, conversions: 130, leading: { key: 'B' }, srmDetected: false })
    close(summary.leading!.relativeLift, 0.6)
    expect(summary.decision.status).toBe(
      analyze({
        variants: [
          { key: 'A', visitors: 1000, conversions: 50 },
          { key: 'B', visitors: 1000, conversions: 80 },
        ],
        weights: [0.5, 0.5],
      }).decision.status,
    )
    expect(summarizeExperiment(experiment, []).leading).toBeNull()
    const broken = summarizeExperiment(experiment, [
      { variantKey: 'A', metric: '', count: 1000 },
      { variantKey: 'B', metric: '', count: 800 },
    ])
    expect(broken.srmDetected).toBe(true)
    expect(broken.decision.status).toBe('srm')
    expect(broken.leading).toEqual({ key: 'A', relativeLift: null })
  })
})

describe('resultsCsv', () => {
  test('one rectangular table per file, full precision, negative numbers stay numbers', () => {
    const lines = resultsCsv(results, 'variants').replace('\uFEFF', '').trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]!.split(',').slice(0, 7)).toEqual(['metric', 'variant', 'is_control', 'weight', 'visitors', 'conversions', 'rate'])
    expect(lines[2]!.split(',').slice(0, 8)).toEqual(['any', 'B', 'false', '0.5', '200', '30', '0.15', String(results.variants[1]!.ci![0])])
    const daily = resultsCsv(results, 'daily').trim().split('\r\n')
    expect(daily).toHaveLength(1 + 3 * 2)
    expect(daily[2]).toContain('-0.8272916180119')
    expect(resultsCsv(results, 'channel').trim().split('\r\n')).toHaveLength(1 + 7 * 2)
    expect(resultsCsv(results, 'lead_quality').trim().split('\r\n')[1]).toBe('A,200,10,1,0.1,10,5,2,1,1,3,5000,25000')
  })
})
