// Gauss–Legendre nodes and weights on [−1, 1], plus the matrix that integrates the
// interpolating polynomial from −1 up to each node. The matrix lets one set of density values
// give both a panel's integral and the running CDF at every node of the panel.

export type GaussLegendreRule = {
  nodes: Float64Array
  weights: Float64Array
  /** cumulative[k * n + m] = ∫_{−1}^{nodes[k]} ℓ_m(t) dt, ℓ_m the Lagrange basis polynomial. */
  cumulative: Float64Array
}

// Legendre polynomials P_0..P_degree at x, by the three-term recurrence.
function evaluateLegendre(degree: number, x: number): Float64Array {
  const values = new Float64Array(degree + 1)
  values[0] = 1
  if (degree > 0) values[1] = x
  for (let j = 1; j < degree; j++) values[j + 1] = ((2 * j + 1) * x * values[j] - j * values[j - 1]) / (j + 1)
  return values
}

function computeNodesAndWeights(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n)
  const weights = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    // Tricomi's initial guess, then Newton on P_n; converges in a handful of steps.
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5))
    let derivative = 1
    for (let step = 0; step < 100; step++) {
      const p = evaluateLegendre(n, x)
      derivative = (n * (x * p[n] - p[n - 1])) / (x * x - 1)
      const dx = p[n] / derivative
      x -= dx
      if (Math.abs(dx) < 1e-16) break
    }
    const p = evaluateLegendre(n, x)
    derivative = (n * (x * p[n] - p[n - 1])) / (x * x - 1)
    nodes[n - 1 - i] = x
    weights[n - 1 - i] = 2 / ((1 - x * x) * derivative * derivative)
  }
  return { nodes, weights }
}

// ℓ_m = Σ_j (2j+1)/2 · w_m P_j(t_m) P_j (exact because the rule integrates degree 2n − 2), and
// ∫_{−1}^{x} P_j = (P_{j+1}(x) − P_{j−1}(x))/(2j + 1) for j ≥ 1, x + 1 for j = 0.
function computeCumulativeMatrix(nodes: Float64Array, weights: Float64Array): Float64Array {
  const n = nodes.length
  const atNodes = Array.from(nodes, (t) => evaluateLegendre(n, t))
  const matrix = new Float64Array(n * n)
  for (let k = 0; k < n; k++) {
    const p = atNodes[k]
    const integrals = new Float64Array(n)
    integrals[0] = nodes[k] + 1
    for (let j = 1; j < n; j++) integrals[j] = (p[j + 1] - p[j - 1]) / (2 * j + 1)
    for (let m = 0; m < n; m++) {
      let sum = 0
      for (let j = 0; j < n; j++) sum += ((2 * j + 1) / 2) * atNodes[m][j] * integrals[j]
      matrix[k * n + m] = weights[m] * sum
    }
  }
  return matrix
}

/** Builds the n-point rule once; callers keep it in a module-level constant. */
export function createGaussLegendreRule(n: number): GaussLegendreRule {
  const { nodes, weights } = computeNodesAndWeights(n)
  return { nodes, weights, cumulative: computeCumulativeMatrix(nodes, weights) }
}
