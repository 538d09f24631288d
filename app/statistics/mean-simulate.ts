// Seeded pipeline data for the mean metric's simulation tests and the bench: most visitors bring
// nothing, a few bring a deal with a lognormal value, the skew real deal sizes have.

import { sampleBinomial } from './simulate'

export type DealModel = {
  /** share of visitors who bring a deal */
  dealRate: number
  /** mean and standard deviation of ln(deal value) */
  logMean: number
  logSd: number
}

export type PipelineSums = { visitors: number; total: number; sumOfSquares: number }

/** A standard normal draw (Box–Muller; the second value is discarded to keep the generator stateless). */
export function sampleNormal(random: () => number): number {
  const u = 1 - random() // (0, 1], so the logarithm is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}

/** Adds `visitors` more visitors to the sums: an exact binomial number of deals, each lognormal. */
export function addPipelineVisitors(random: () => number, sums: PipelineSums, visitors: number, model: DealModel): void {
  const deals = sampleBinomial(random, visitors, model.dealRate)
  for (let i = 0; i < deals; i++) {
    const value = Math.exp(model.logMean + model.logSd * sampleNormal(random))
    sums.total += value
    sums.sumOfSquares += value * value
  }
  sums.visitors += visitors
}

/** The true mean and standard deviation of the per-visitor value (zeros included). */
export function describeDealModel({ dealRate, logMean, logSd }: DealModel): { mean: number; standardDeviation: number } {
  const dealMean = Math.exp(logMean + (logSd * logSd) / 2)
  const dealSecondMoment = Math.exp(2 * logMean + 2 * logSd * logSd)
  const mean = dealRate * dealMean
  return { mean, standardDeviation: Math.sqrt(dealRate * dealSecondMoment - mean * mean) }
}
