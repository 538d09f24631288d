// Seeded randomness for the simulation tests and the bench: reproducible runs, exact draws.

/** mulberry32: a tiny 32-bit generator, plenty for Monte Carlo checks (period 2^32). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Inversion stays cheap and far from underflow while the mean of a chunk is at most this.
const MAX_CHUNK_MEAN = 30

/**
 * An exact Binomial(n, p) draw (no normal approximation): the visitors are split into chunks
 * with mean ≤ 30, each drawn by inversion of its CDF, and summed; a sum of independent
 * binomials with the same p is binomial. Cost is O(n·min(p, 1 − p)).
 */
export function sampleBinomial(random: () => number, n: number, p: number): number {
  if (p > 0.5) return n - sampleBinomial(random, n, 1 - p)
  if (p <= 0 || n === 0) return 0
  const chunk = Math.max(1, Math.floor(MAX_CHUNK_MEAN / p))
  let successes = 0
  for (let start = 0; start < n; start += chunk) successes += invertBinomial(random, Math.min(chunk, n - start), p)
  return successes
}

function invertBinomial(random: () => number, n: number, p: number): number {
  const odds = p / (1 - p)
  let probability = Math.pow(1 - p, n)
  let u = random()
  let k = 0
  while (u > probability && k < n) {
    u -= probability
    probability *= (odds * (n - k)) / (k + 1)
    k++
  }
  return k
}
