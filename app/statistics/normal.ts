// The standard normal distribution at full double precision: Φ, its upper tail, and Φ⁻¹.
// p-values live in the tails, so each tail is computed directly rather than as 1 − Φ.

const SQRT_32 = 5.656854249492380195206754896838
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934

// W. J. Cody (1993), ACM TOMS 715 rational Chebyshev approximations (the ones R's pnorm uses).
const CODY_A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113]
const CODY_B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956]
const CODY_C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
]
const CODY_D = [22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727]
const CODY_P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303]
const CODY_Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5]

// exp(−y²/2) split in two so the rounding of y² does not cost digits in the far tail (Cody's trick).
function computeGaussianFactor(y: number): number {
  const ySplit = Math.trunc(y * 16) / 16
  const rest = (y - ySplit) * (y + ySplit)
  return Math.exp(-ySplit * ySplit * 0.5) * Math.exp(-rest * 0.5)
}

/** P(Z > y) for y > 0.67448975 (the small tail). */
function computeUpperTail(y: number): number {
  if (y <= SQRT_32) {
    let num = CODY_C[8] * y
    let den = y
    for (let i = 0; i < 7; i++) {
      num = (num + CODY_C[i]) * y
      den = (den + CODY_D[i]) * y
    }
    return computeGaussianFactor(y) * ((num + CODY_C[7]) / (den + CODY_D[7]))
  }
  if (y >= 38.5) return 0 // below the smallest double
  const inv = 1 / (y * y)
  let num = CODY_P[5] * inv
  let den = inv
  for (let i = 0; i < 4; i++) {
    num = (num + CODY_P[i]) * inv
    den = (den + CODY_Q[i]) * inv
  }
  const ratio = (inv * (num + CODY_P[4])) / (den + CODY_Q[4])
  return (computeGaussianFactor(y) * (ONE_OVER_SQRT_2PI - ratio)) / y
}

/** [Φ(x), 1 − Φ(x)], each accurate to a few ulps relative, including in its own tail. */
function computeNormalTails(x: number): [number, number] {
  const y = Math.abs(x)
  if (y <= 0.67448975) {
    const sq = x * x
    let num = CODY_A[4] * sq
    let den = sq
    for (let i = 0; i < 3; i++) {
      num = (num + CODY_A[i]) * sq
      den = (den + CODY_B[i]) * sq
    }
    const half = (x * (num + CODY_A[3])) / (den + CODY_B[3])
    return [0.5 + half, 0.5 - half]
  }
  const tail = computeUpperTail(y)
  return x > 0 ? [1 - tail, tail] : [tail, 1 - tail]
}

/** Φ(x), the standard normal cumulative distribution function. */
export function normalCdf(x: number): number {
  return computeNormalTails(x)[0]
}

/** 1 − Φ(x) without cancellation. */
export function normalSurvival(x: number): number {
  return computeNormalTails(x)[1]
}

/** Two-sided p-value of a z statistic: 2·(1 − Φ(|z|)). */
export function computeTwoSidedPValue(z: number): number {
  return Math.min(1, 2 * normalSurvival(Math.abs(z)))
}

// Wichura (1988), Algorithm AS 241 (PPND16): relative accuracy about 1e-16.
const AS241_A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727]
const AS241_B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561]
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
]
const AS241_D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9]
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
]
const AS241_F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15]

function evaluatePolynomial(coefficients: number[], x: number): number {
  let value = 0
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + coefficients[i]
  return value
}

/** Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`)
  const q = p - 0.5
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q
    return (q * evaluatePolynomial(AS241_A, r)) / evaluatePolynomial(AS241_B, r)
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p))
  let value: number
  if (r <= 5) {
    r -= 1.6
    value = evaluatePolynomial(AS241_C, r) / evaluatePolynomial(AS241_D, r)
  } else {
    r -= 5
    value = evaluatePolynomial(AS241_E, r) / evaluatePolynomial(AS241_F, r)
  }
  return q < 0 ? -value : value
}
