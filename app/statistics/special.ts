// Log-gamma, log-beta and the chi-square tail. Counts reach 10^7, so everything stays in log
// space and avoids subtracting two huge log-gammas where a shorter form exists.

const HALF_LOG_2PI = 0.91893853320467274178

// Remainder of Stirling's series, lnΓ(x) − [(x − ½)ln x − x + ½ln 2π], for x ≥ 10.
// Eight terms leave an error below 1e-17 at x = 10.
function computeStirlingRemainder(x: number): number {
  const inv2 = 1 / (x * x)
  return (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - inv2 * (691 / 360360 - inv2 * (1 / 156 - (inv2 * 3617) / 122400))))))) / x
}

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`)
  let shift = 0
  let product = 1
  // Raise x to 10 with Γ(x + 1) = xΓ(x) so the Stirling series converges to double precision.
  while (x + shift < 10) {
    product *= x + shift
    shift++
  }
  const y = x + shift
  const value = (y - 0.5) * Math.log(y) - y + HALF_LOG_2PI + computeStirlingRemainder(y)
  return shift === 0 ? value : value - Math.log(product)
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  const small = Math.min(a, b)
  const large = Math.max(a, b)
  const sum = small + large
  if (large < 10) return logGamma(small) + logGamma(large) - logGamma(sum)
  // With Stirling for the large arguments the (x − ½)ln x terms cancel analytically, so the
  // rounding error scales with the answer instead of with ln Γ(a + b) (which is ~1e8 at 10^7).
  const correction = computeStirlingRemainder(large) - computeStirlingRemainder(sum)
  if (small < 10) {
    return logGamma(small) + (large - 0.5) * -Math.log1p(small / large) - small * Math.log(sum) + small + correction
  }
  return HALF_LOG_2PI - 0.5 * Math.log(large) + (small - 0.5) * Math.log(small / sum) + large * Math.log1p(-small / sum) + computeStirlingRemainder(small) + correction
}

/**
 * Loader's deviance term x·ln(x/m) + m − x, which is ≥ 0 and small when x ≈ m; computed by its
 * series there so it keeps full relative precision (Loader 2000, "Fast and accurate computation
 * of binomial probabilities").
 */
function computeDeviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m)
    const v2 = v * v
    let sum = (x - m) * v
    let term = 2 * x * v
    for (let j = 1; j < 1000; j++) {
      term *= v2
      const next = sum + term / (2 * j + 1)
      if (next === sum) return next
      sum = next
    }
    return sum
  }
  return x * Math.log(x / m) + m - x
}

/**
 * ln[Γ(a+b)Γ(c+d)Γ(a+c)Γ(b+d) / (Γ(a+b+c+d)Γ(a)Γ(b)Γ(c)Γ(d))] for cells a, b, c, d ≥ 10: the
 * Gamma-function weight of a 2×2 table with those cells. Summing nine ln Γ values near 10^8 each
 * would lose eight digits; with Stirling the x·ln x parts collapse into −Σ deviance(cell,
 * row·column/total), which are small and exact, so the result keeps ~1e-14 absolute accuracy.
 */
export function logTableWeight(a: number, b: number, c: number, d: number): number {
  const total = a + b + c + d
  const [row1, row2, column1, column2] = [a + b, c + d, a + c, b + d]
  const deviance =
    computeDeviance(a, (row1 * column1) / total) + computeDeviance(b, (row1 * column2) / total) + computeDeviance(c, (row2 * column1) / total) + computeDeviance(d, (row2 * column2) / total)
  const halfLogs = 0.5 * (Math.log(row1 / total) + Math.log(row2 / a) + Math.log(column1 / b) + Math.log(column2 / c) - Math.log(d))
  const remainders =
    computeStirlingRemainder(row1) +
    computeStirlingRemainder(row2) +
    computeStirlingRemainder(column1) +
    computeStirlingRemainder(column2) -
    computeStirlingRemainder(total) -
    computeStirlingRemainder(a) -
    computeStirlingRemainder(b) -
    computeStirlingRemainder(c) -
    computeStirlingRemainder(d)
  return -deviance - halfLogs - HALF_LOG_2PI + remainders
}

const GAMMA_EPSILON = 1e-16
const GAMMA_MAX_ITERATIONS = 100_000

// P(a, x) by its power series; converges quickly for x < a + 1.
function computeLowerGammaSeries(a: number, x: number): number {
  let term = 1 / a
  let sum = term
  for (let n = 1; n < GAMMA_MAX_ITERATIONS; n++) {
    term *= x / (a + n)
    sum += term
    if (Math.abs(term) < Math.abs(sum) * GAMMA_EPSILON) break
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a))
}

// Q(a, x) by its continued fraction (modified Lentz); converges quickly for x ≥ a + 1.
function computeUpperGammaFraction(a: number, x: number): number {
  const tiny = 1e-300
  let b = x + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let i = 1; i < GAMMA_MAX_ITERATIONS; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < GAMMA_EPSILON) break
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h
}

/** Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a). */
export function upperGammaRegularized(a: number, x: number): number {
  if (x <= 0) return 1
  if (x < a + 1) return Math.max(0, 1 - computeLowerGammaSeries(a, x))
  return computeUpperGammaFraction(a, x)
}

/** P(χ²_df > x), the chi-square survival function. */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  return upperGammaRegularized(degreesOfFreedom / 2, x / 2)
}
