import { createHash, randomUUID } from 'node:crypto'
import murmurhash from 'murmurhash'
import { describe, expect, test } from 'vitest'
import { checkSampleRatio } from '#app/statistics/srm'
import { chiSquareSurvival } from '#app/statistics/special'
import { assignVariant, hash, pickByWeight, type Assignment, type Bucketable } from './bucketing'
import goldenVectors from './bucketing-vectors.json'

// 100,000 visitor ids shaped like the real ones (random-looking UUIDs), but fixed, so the test cannot flake.
const visitors = Array.from({ length: 100_000 }, (_, i) => {
  const h = createHash('sha256').update(`visitor-${i}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
})

type GoldenVectors = {
  setups: Record<string, Omit<Bucketable, 'seed' | 'bucketingVersion'>>
  cases: { seed: number; visitorId: string; version: number; hash: { coverage: number; variant: number }; assignment: Record<string, Assignment> }[]
}
const vectors = goldenVectors as GoldenVectors

const chiSquareP = (counts: number[], weights: number[]) => checkSampleRatio(counts, weights).pValue!

function split(weights: number[], seed = 12345, coverage = 1) {
  const variants = weights.map((weight, i) => ({ key: String.fromCharCode(65 + i), weight }))
  const counts = new Map(variants.map((v) => [v.key, 0]))
  for (const id of visitors) {
    const a = assignVariant({ seed, bucketingVersion: 1, controlKey: 'A', coverage, variants }, id)
    if (a.inExperiment) counts.set(a.variantKey, counts.get(a.variantKey)! + 1)
  }
  return variants.map((v) => counts.get(v.key)!)
}

describe('the split of 100,000 visitor ids matches the weights (chi-square p > 0.001)', () => {
  for (const weights of [
    [0.5, 0.5],
    [0.7, 0.3],
    [1 / 3, 1 / 3, 1 / 3],
    [0.5, 0.25, 0.25],
  ]) {
    test(weights.map((w) => w.toFixed(2)).join(' / '), () => {
      const counts = split(weights)
      expect(counts.reduce((a, b) => a + b, 0)).toBe(100_000)
      expect(chiSquareP(counts, weights)).toBeGreaterThan(0.001)
    })
  }
  test('and the check can fail: a 52/48 split is not 50/50 at this size', () => {
    const counts = [52_000, 48_000]
    expect(chiSquareP(counts, [0.5, 0.5])).toBeLessThan(0.001)
  })
})

test('deterministic: the same seed and visitor always give the same variant', () => {
  const experiment = {
    seed: 99,
    bucketingVersion: 1,
    controlKey: 'A',
    coverage: 1,
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
  }
  for (const id of visitors.slice(0, 1000)) expect(assignVariant(experiment, id)).toEqual(assignVariant(experiment, id))
})

test('two experiments (two seeds) assign independently: the 2×2 table fits independence', () => {
  const variants = [
    { key: 'A', weight: 0.5 },
    { key: 'B', weight: 0.5 },
  ]
  const table = [
    [0, 0],
    [0, 0],
  ]
  for (const id of visitors) {
    const a = assignVariant({ seed: 1, bucketingVersion: 1, controlKey: 'A', coverage: 1, variants }, id).variantKey === 'A' ? 0 : 1
    const b = assignVariant({ seed: 2, bucketingVersion: 1, controlKey: 'A', coverage: 1, variants }, id).variantKey === 'A' ? 0 : 1
    table[a]![b]! += 1
  }
  const n = visitors.length
  const rows = table.map((r) => r[0]! + r[1]!)
  const cols = [table[0]![0]! + table[1]![0]!, table[0]![1]! + table[1]![1]!]
  let x2 = 0
  for (const i of [0, 1]) for (const j of [0, 1]) x2 += (table[i]![j]! - (rows[i]! * cols[j]!) / n) ** 2 / ((rows[i]! * cols[j]!) / n)
  expect(chiSquareSurvival(x2, 1)).toBeGreaterThan(0.001)
})

test('a coverage ramp 20% → 60% keeps every earlier assignment and only adds visitors', () => {
  const variants = [
    { key: 'A', weight: 0.5 },
    { key: 'B', weight: 0.3 },
    { key: 'C', weight: 0.2 },
  ]
  const at = (coverage: number) => visitors.map((id) => assignVariant({ seed: 7, bucketingVersion: 1, controlKey: 'A', coverage, variants }, id))
  const low = at(0.2)
  const high = at(0.6)
  let entered = 0
  low.forEach((a, i) => {
    if (a.inExperiment) {
      entered++
      expect(high[i]).toEqual(a)
    }
  })
  const inHigh = high.filter((a) => a.inExperiment).length
  expect(entered / visitors.length).toBeCloseTo(0.2, 1)
  expect(inHigh / visitors.length).toBeCloseTo(0.6, 1)
})

test('hashes are well spread over [0, 1) and weights pick by range', () => {
  const u = visitors.slice(0, 10_000).map((id) => hash(42, id, 'variant', 1))
  expect(Math.min(...u)).toBeGreaterThanOrEqual(0)
  expect(Math.max(...u)).toBeLessThan(1)
  expect(
    pickByWeight(0.69, [
      { key: 'A', weight: 0.7 },
      { key: 'B', weight: 0.3 },
    ]),
  ).toBe('A')
  expect(
    pickByWeight(0.7, [
      { key: 'A', weight: 0.7 },
      { key: 'B', weight: 0.3 },
    ]),
  ).toBe('B')
  expect(
    pickByWeight(0.9999999, [
      { key: 'A', weight: 0.7 },
      { key: 'B', weight: 0.2999 },
    ]),
  ).toBe('B')
})

test('the byte-buffer hashing gives exactly the package’s string hash (assignments made before it stand)', () => {
  const ids = [...Array.from({ length: 10_000 }, () => randomUUID()), 'ünïcödé-visitor', 'x'.repeat(400)]
  for (const visitorId of ids) {
    for (const purpose of ['coverage', 'variant'] as const) {
      expect(hash(987_654_321, visitorId, purpose, 1)).toBe(murmurhash.v3(`${purpose}:${visitorId}`, 987_654_321) / 2 ** 32)
    }
  }
})

describe('golden vectors (bucketing-vectors.json): version 1’s hashes and assignments, pinned', () => {
  for (const c of vectors.cases) {
    test(`seed ${c.seed}, visitor ${JSON.stringify(c.visitorId.length > 40 ? `${c.visitorId.slice(0, 20)}…(${c.visitorId.length})` : c.visitorId)}`, () => {
      expect({ coverage: hash(c.seed, c.visitorId, 'coverage', c.version), variant: hash(c.seed, c.visitorId, 'variant', c.version) }).toEqual(c.hash)
      for (const [name, setup] of Object.entries(vectors.setups)) {
        expect(assignVariant({ seed: c.seed, bucketingVersion: c.version, ...setup }, c.visitorId), name).toEqual(c.assignment[name])
      }
    })
  }
})

test('an unknown bucketing version is refused, never bucketed some other way', () => {
  const experiment = {
    seed: 1,
    bucketingVersion: 2,
    controlKey: 'A',
    coverage: 1,
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
  }
  expect(() => hash(1, visitors[0]!, 'variant', 2)).toThrow(/Unknown bucketing version 2/)
  expect(() => hash(1, visitors[0]!, 'variant', 0)).toThrow(/Unknown bucketing version 0/)
  expect(() => assignVariant(experiment, visitors[0]!)).toThrow(/Unknown bucketing version 2/)
  expect(() => assignVariant({ ...experiment, coverage: 0.5 }, visitors[0]!)).toThrow(/Unknown bucketing version 2/)
})
