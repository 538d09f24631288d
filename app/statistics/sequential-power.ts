// The power of the always-valid test (sequential.ts) when the results are read at a number of evenly spaced looks
// up to the planned sample. The confidence sequence is tuned at the plan (N* = 2 × visitors per variant), so in
// z units its boundary at each look depends only on alpha and the look's share of the plan, not on the rates: the
// drift that reaches the stated power is one number per (alpha, comparison alpha, power, looks), and the plan is
// n = drift² · (p₁(1 − p₁) + p₂(1 − p₂)) / (p₂ − p₁)².

import { computeRho, computeSequentialMultiplier } from './sequential'
import { normalQuantile, normalSurvival } from './normal'

/**
 * Looks the sequential plan assumes: the results read 20 times, evenly, up to the planned sample (every few days
 * of a typical test). Reading more often finds a real lift a little more often, reading only at the end less often
 * (app/statistics/README.md, "Sample size").
 */
export const PLANNED_LOOKS = 20

export type SequentialPowerSettings = {
  /** the configured alpha, which tunes ρ (as analyze does) */
  alpha: number
  /** the alpha one comparison must reach: alpha, or alpha split across the comparisons */
  comparisonAlpha: number
  looks: number
  /**
   * The planned total over the total the sequence is tuned at (N*): 1 when analyze tunes at the plan (a plan is
   * given), 2n/5,000 when no plan is given and the sequence keeps GrowthBook's default tuning.
   */
  planOverTuning?: number
}

/** The boundary in z units (the sequence's multiplier M) at each look, for a sequence tuned at `planOverTuning`. */
export function computeLookBoundaries({ alpha, comparisonAlpha, looks, planOverTuning = 1 }: SequentialPowerSettings): number[] {
  // n·ρ² at a look depends only on the look's share of N*, so a tuning total of 1 stands for all.
  const rho = computeRho(alpha, 1)
  return Array.from({ length: looks }, (_, i) => computeSequentialMultiplier(((i + 1) / looks) * planOverTuning, rho, comparisonAlpha))
}

// Grid step of the score, in units of the final look's standard deviation. The transition kernel between
// looks has a standard deviation of √(1/looks) ≈ 0.22 at 20 looks; at this step the power agrees with a step
// ten times finer within 1e-5 (6e-6 measured; 1e-4 at a step of 0.1), far below what a plan needs.
const STEP = 0.05
// Score values more than this many standard deviations below the drift carry no mass worth following (1e-12).
const TAIL = 7
// Gaussian increments beyond this many standard deviations are left out (below 1e-14 of the peak).
const REACH = 8

/**
 * P(the test crosses its upper boundary at some look) when the final look's z has mean `drift`. Numerical
 * integration over the looks (Armitage, McPherson & Rowe 1969; Jennison & Turnbull 2000, ch. 19) on the score
 * S(t) = W(t) + drift·t, t the share of the plan: the density of S below the boundary is carried from look to
 * look by convolution with the Gaussian increment. The lower boundary is left out: with a real lift large
 * enough to plan for, crossing it has a probability below 1e-6.
 */
export function computeSequentialPower(drift: number, boundaries: number[], step = STEP): number {
  const looks = boundaries.length
  const sd = Math.sqrt(1 / looks)
  const move = drift / looks
  let upper = boundaries[0] * sd
  let crossed = normalSurvival((upper - move) / sd)
  // Sub-density of the score at the nodes upper − j·step, given no crossing so far.
  let density: Float64Array = new Float64Array(countNodes(upper, move - TAIL * sd, step))
  for (let j = 0; j < density.length; j++) density[j] = gaussian(upper - j * step - move, sd)
  for (let k = 1; k < looks; k++) {
    const t = (k + 1) / looks
    const nextUpper = boundaries[k] * Math.sqrt(t)
    const shift = nextUpper - upper - move
    crossed += computeCrossing(density, shift, sd, step)
    density = convolve(density, shift, sd, countNodes(nextUpper, drift * t - TAIL * Math.sqrt(t), step), step)
    upper = nextUpper
  }
  return Math.min(1, crossed)
}

/**
 * The drift (expected z at the planned sample) at which the sequential test reaches `power`: the secant method,
 * started just below the last-look-only value M + z_β, which over-delivers because the earlier looks also find
 * lifts (by about 0.2 at 20 looks). Power is smooth and steep in the drift: three or four evaluations reach 1e-9.
 */
export function solveSequentialDrift(settings: SequentialPowerSettings, power: number): number {
  const boundaries = computeLookBoundaries(settings)
  const gap = (drift: number) => computeSequentialPower(drift, boundaries) - power
  const start = boundaries[boundaries.length - 1] + normalQuantile(power) - 0.2
  return findRootBySecant(gap, start, start - 0.02)
}

/** The root of a smooth, monotone `gap` near x0 and x1 (secant steps, to 1e-9 of the gap, at most 30 of them). */
export function findRootBySecant(gap: (x: number) => number, x0: number, x1: number): number {
  let f0 = gap(x0)
  let f1 = gap(x1)
  for (let i = 0; i < 30 && Math.abs(f1) > 1e-9 && f1 !== f0; i++) {
    const x2 = x1 - (f1 * (x1 - x0)) / (f1 - f0)
    ;[x0, f0] = [x1, f1]
    x1 = x2
    f1 = gap(x1)
  }
  return x1
}

// Nodes from the boundary down, so the boundary is a node and Simpson's rule needs no end correction there.
function countNodes(upper: number, lower: number, step: number): number {
  return Math.max(2, 2 * Math.ceil((upper - lower) / (2 * step))) + 1
}

function gaussian(x: number, sd: number): number {
  const z = x / sd
  return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI))
}

function simpsonWeight(j: number, last: number, step: number): number {
  return ((j === 0 || j === last ? 1 : j % 2 === 1 ? 4 : 2) * step) / 3
}

/**
 * P(crossing at this look, not before) = ∫ density(s)·P(s + increment > next boundary) ds, where the next boundary
 * is `shift` above the old one once the drift is taken out. Nodes more than REACH sd below it would need an
 * increment that large: their terms (below 1e-15) are left out.
 */
function computeCrossing(density: Float64Array, shift: number, sd: number, step: number): number {
  const last = density.length - 1
  const near = Math.min(last, Math.ceil((REACH * sd - shift) / step))
  let sum = 0
  for (let j = 0; j <= near; j++) sum += simpsonWeight(j, last, step) * density[j] * normalSurvival((shift + j * step) / sd)
  return sum
}

/**
 * The density at `count` nodes below the next boundary: ∫ density(s)·φ(v − s − move) ds. Both sets of nodes are
 * `step` apart, so the kernel between new node i and old node j depends only on i − j (the boundaries differ by
 * `shift`): one vector of Gaussians per look. Offsets past REACH sd are left out.
 */
function convolve(density: Float64Array, shift: number, sd: number, count: number, step: number): Float64Array {
  const last = density.length - 1
  const weighted = new Float64Array(density.length)
  for (let j = 0; j <= last; j++) weighted[j] = simpsonWeight(j, last, step) * density[j]
  // v_i − s_j = shift − (i − j)·step, so the offset d = i − j sits near shift/step.
  const reach = Math.ceil((REACH * sd) / step) + 1
  const centre = Math.round(shift / step)
  const kernel = new Float64Array(2 * reach + 1)
  for (let e = 0; e < kernel.length; e++) kernel[e] = gaussian(shift - (centre - reach + e) * step, sd)
  const next = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    const from = Math.max(0, i - centre - reach)
    const to = Math.min(last, i - centre + reach)
    let sum = 0
    for (let j = from; j <= to; j++) sum += weighted[j] * kernel[i - j - centre + reach]
    next[i] = sum
  }
  return next
}
