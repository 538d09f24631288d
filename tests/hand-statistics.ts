// The results statistics written out from their textbook formulas, independently of app/statistics, so a page
// test can check displayed figures against values worked out by hand from known counts. Two-variant cases only
// (the probability to beat and the expected loss are the pairwise forms). See app/statistics/README.md, Methods.

export type Counts = { visitors: number; conversions: number }
export type Interval = [number, number]

/** z for a two-sided interval at 95%: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054

/** Wilson (1927): (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). */
export function wilson({ visitors: n, conversions: x }: Counts, z = Z95): Interval | null {
  if (n === 0) return null
  const p = x / n
  const centre = p + (z * z) / (2 * n)
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))
  const denominator = 1 + (z * z) / n
  return [(centre - spread) / denominator, (centre + spread) / denominator]
}

/** Relative lift rate_t / rate_c − 1, null without a control rate. */
export function relativeLift(t: Counts, c: Counts): number | null {
  if (!t.visitors || !c.visitors || c.conversions === 0) return null
  return t.conversions / t.visitors / (c.conversions / c.visitors) - 1
}

/**
 * Katz (1978): exp(ln RR ± m·√(1/x_t − 1/n_t + 1/x_c − 1/n_c)) − 1; with a zero cell, x + ½ and n + 1 on both arms.
 * Null without visitors, or when the upper bound is not finite.
 */
export function katz(t: Counts, c: Counts, m = Z95): Interval | null {
  if (!t.visitors || !c.visitors) return null
  // Haldane–Anscombe when any cell of the 2×2 table is empty: no conversions, or no misses (decision 058).
  const k = [t.conversions, c.conversions, t.visitors - t.conversions, c.visitors - c.conversions].includes(0) ? 0.5 : 0
  const [xt, nt, xc, nc] = [t.conversions + k, t.visitors + 2 * k, c.conversions + k, c.visitors + 2 * k]
  const logRatio = Math.log(xt / nt / (xc / nc))
  const se = Math.sqrt(Math.max(0, 1 / xt - 1 / nt) + Math.max(0, 1 / xc - 1 / nc))
  const upper = Math.exp(logRatio + m * se) - 1
  return Number.isFinite(upper) ? [Math.exp(logRatio - m * se) - 1, upper] : null
}

/** ρ = √((−2 ln α + ln(−2 ln α + 1)) / N*), the confidence sequence tuned for N* visitors in all. */
export const sequentialRho = (alpha: number, tuningVisitors: number) => Math.sqrt((-2 * Math.log(alpha) + Math.log(-2 * Math.log(alpha) + 1)) / tuningVisitors)

/** M(α) = √(2(nρ² + 1)/(nρ²) · ln(√(nρ² + 1)/α)) at n visitors in all. */
export function sequentialMultiplier(n: number, rho: number, alpha: number) {
  const a = n * rho * rho
  return Math.sqrt(((2 * (a + 1)) / a) * Math.log(Math.sqrt(a + 1) / alpha))
}

/** min(1, √(nρ² + 1)·exp(−nρ²d²/(2·SE²·(nρ² + 1)))), SE² from Agresti–Caffo rates (x + 1)/(n + 2). */
export function sequentialPValue(t: Counts, c: Counts, rho: number) {
  const d = t.conversions / t.visitors - c.conversions / c.visitors
  if (d === 0) return 1
  const shrunk = ({ visitors, conversions }: Counts) => (conversions + 1) / (visitors + 2)
  const se2 = (shrunk(t) * (1 - shrunk(t))) / t.visitors + (shrunk(c) * (1 - shrunk(c))) / c.visitors
  const a = (t.visitors + c.visitors) * rho * rho
  return Math.min(1, Math.sqrt(a + 1) * Math.exp((-a * d * d) / (2 * se2 * (a + 1))))
}

const logFactorials = [0]
/** ln((k − 1)!) = ln Γ(k) for a whole k ≥ 1. */
function logGamma(k: number) {
  while (logFactorials.length < k) logFactorials.push(logFactorials.at(-1)! + Math.log(logFactorials.length))
  return logFactorials[k - 1]!
}
const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b)

/**
 * P(rate_t > rate_c) with Beta(1 + x, 1 + n − x) posteriors, Evan Miller's sum:
 * Σ_{i<α_t} B(α_c + i, β_c + β_t) / ((β_t + i)·B(1 + i, β_t)·B(α_c, β_c)).
 */
export function probabilityToBeat(t: Counts, c: Counts) {
  const [at, bt] = [t.conversions + 1, t.visitors - t.conversions + 1]
  const [ac, bc] = [c.conversions + 1, c.visitors - c.conversions + 1]
  let sum = 0
  for (let i = 0; i < at; i++) sum += Math.exp(logBeta(ac + i, bc + bt) - Math.log(bt + i) - logBeta(1 + i, bt) - logBeta(ac, bc))
  return sum
}

/** The Beta(a, b) CDF for whole a, b: P(Binomial(a + b − 1, x) ≥ a). */
function betaCdf(x: number, a: number, b: number) {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const m = a + b - 1
  let sum = 0
  for (let j = a; j <= m; j++) sum += Math.exp(logGamma(m + 1) - logGamma(j + 1) - logGamma(m - j + 1) + j * Math.log(x) + (m - j) * Math.log1p(-x))
  return Math.min(1, sum)
}

/** Expected loss of shipping `own` rather than `other`: E[(rate_other − rate_own)⁺] = ∫ F_own (1 − F_other), Simpson's rule. */
export function expectedLoss(own: Counts, other: Counts, steps = 20_000) {
  const f = (x: number) => betaCdf(x, own.conversions + 1, own.visitors - own.conversions + 1) * (1 - betaCdf(x, other.conversions + 1, other.visitors - other.conversions + 1))
  const h = 1 / steps
  let sum = f(0) + f(1)
  for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * f(i * h)
  return (sum * h) / 3
}
