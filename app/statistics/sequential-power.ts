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
}

/** The boundary in z units (the sequence's multiplier M) at each look, for a sequence tuned at the plan. */
export function computeLookBoundaries({ alpha, comparisonAlpha, looks }: SequentialPowerSettings): number[] {
  // With N* = the planned total, n·ρ² at a look is the same for every plan, so a plan of 1 stands for all.
  const rho = computeRho(alpha, 1)
  return Array.from({ length: looks }, (_, i) => computeSequentialMultiplier((i + 1) / looks, rho, comparisonAlpha))
}

// Grid step of the score, in units of the final look's standard deviation. The transition kernel between
// looks has a standard deviation of √(1/looks) ≈ 0.22 at 20 looks; at this step the power agrees with a step
// ten times finer within 1e-5 (6e-6 measured; 1e-4 at a step of 0.1), far below what a plan needs.
const STEP = 0.05
// Score values more than this many standard deviations below the drift carry no mass worth following.
const TAIL = 8

/**
 * P(the test crosses its upper boundary at some look) when the final look's z has mean `drift`. Numerical
 * integration over the looks (Armitage, McPherson & Rowe 1969; Jennison & Turnbull 2000, ch. 19) on the score
 * S(t) = W(t) + drift·t, t the share of the plan: the density of S below the boundary is carried from look to
 * look by convolution with the Gaussian increment. The lower boundary is left out: with a real lift large
 * enough to plan for, crossing it has a probability below 1e-6.
 */
export function computeSequentialPower(drift: number, boundaries: number[], step = STEP): number {
  const looks = boundaries.length
  let upper = boundaries[0] * Math.sqrt(1 / looks)
  const firstSd = Math.sqrt(1 / looks)
  let crossed = normalSurvival((upper - drift / looks) / firstSd)
  // Sub-density of the score at the nodes upper − j·STEP, given no crossing so far.
  let density = buildNodes(upper, drift / looks - TAIL * firstSd, step).map((v) => gaussian(v - drift / looks, firstSd))
  const sd = Math.sqrt(1 / looks)
  for (let k = 1; k < looks; k++) {
    const t = (k + 1) / looks
    const nextUpper = boundaries[k] * Math.sqrt(t)
    const move = drift / looks
    // Nodes more than 9 sd below the next boundary cross with probability below 1e-19: their term is left at 0.
    const near = Math.ceil((nextUpper - upper - move + 9 * sd) / step)
    crossed += simpson(
      density.map((f, j) => (j <= near ? f * normalSurvival((nextUpper - (upper - j * step) - move) / sd) : 0)),
      step,
    )
    density = convolve(density, nextUpper - upper - move, sd, buildNodes(nextUpper, drift * t - TAIL * Math.sqrt(t), step).length, step)
    upper = nextUpper
  }
  return Math.min(1, crossed)
}

/**
 * The drift (expected z at the planned sample) at which the sequential test reaches `power`: found by the
 * secant method from the final-look-only value M + z_β, which over-delivers because the earlier looks also
 * find lifts. Power rises steeply with drift, so a few steps reach 1e-9.
 */
export function solveSequentialDrift(settings: SequentialPowerSettings, power: number): number {
  const boundaries = computeLookBoundaries(settings)
  const gap = (drift: number) => computeSequentialPower(drift, boundaries) - power
  let x0 = boundaries[boundaries.length - 1] + normalQuantile(power)
  let x1 = x0 - 0.3
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
function buildNodes(upper: number, lower: number, step: number): number[] {
  const intervals = Math.max(2, 2 * Math.ceil((upper - lower) / (2 * step)))
  return Array.from({ length: intervals + 1 }, (_, j) => upper - j * step)
}

function gaussian(x: number, sd: number): number {
  const z = x / sd
  return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI))
}

/** Simpson's rule over the nodes (an odd count, `step` apart). */
function simpson(values: number[], step: number): number {
  const last = values.length - 1
  let sum = values[0] + values[last]
  for (let j = 1; j < last; j++) sum += (j % 2 === 1 ? 4 : 2) * values[j]
  return (sum * step) / 3
}

/**
 * The density at `count` nodes below the next boundary: ∫ density(s)·φ(v − s − move) ds. Both sets of nodes are
 * STEP apart, so the kernel between node i (new) and node j (old) depends only on i − j (the boundaries differ by
 * `shift`): one vector of Gaussians per look. Offsets past 9 sd weigh below 1e-17 of the peak and are skipped.
 */
function convolve(density: number[], shift: number, sd: number, count: number, step: number): number[] {
  const last = density.length - 1
  const weights = density.map((f, j) => (f * (j === 0 || j === last ? 1 : j % 2 === 1 ? 4 : 2) * step) / 3)
  // v_i − s_j = shift − (i − j)·step
  const reach = Math.ceil((9 * sd) / step) + 1
  const centre = Math.round(shift / step)
  const kernel = Array.from({ length: 2 * reach + 1 }, (_, e) => gaussian(shift - (centre - reach + e) * step, sd))
  return Array.from({ length: count }, (_, i) => {
    let sum = 0
    // j = i − d for d = centre − reach … centre + reach, kept inside the old nodes
    const from = Math.max(0, i - centre - reach)
    const to = Math.min(last, i - centre + reach)
    for (let j = from; j <= to; j++) sum += weights[j] * kernel[i - j - centre + reach]
    return sum
  })
}
