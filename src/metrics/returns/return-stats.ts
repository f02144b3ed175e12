/**
 * @module metrics/returns/return-stats
 * The moments that volatility, Sharpe and Sortino share, gathered straight from the equity curve: returns are
 * recomputed on the fly (exactly as barReturns does) instead of being materialized, so a million bars cost two
 * passes and no allocation. The first pass also sums the equity itself, for turnover, so metrics.json reads the
 * curve three times in all (two here, one for drawdowns). The variance uses the two-pass formula (mean first, then squared deviations), which
 * keeps full precision where the one-pass sum-of-squares formula cancels catastrophically.
 */

export interface ReturnStats {
  /** Number of bar returns (= number of bars). */
  readonly count: number;
  /** Arithmetic mean of the bar returns; NaN with no bars. */
  readonly mean: number;
  /** Sample standard deviation (ddof 1); NaN with fewer than two returns. */
  readonly stdev: number;
  /** `sqrt(mean over ALL bars of min(r, 0)^2)`: the Sortino denominator; NaN with no bars. */
  readonly downsideDeviation: number;
  /** Sum of the equity values in bar order, gathered in the same pass (turnover's mean capital); 0 with no bars. */
  readonly equitySum: number;
}

/**
 * A standard deviation this small relative to the mean is the rounding noise of a constant series (a curve that
 * compounds by exactly 1% a bar does not give bit-identical returns), not risk. Dividing by it would turn
 * "zero variance" into a ratio of 1e15.
 */
export const ZERO_VARIANCE_RTOL = 1e-10;

/** True when `stdev` is a usable, non-zero dispersion for a ratio with `mean` (see ZERO_VARIANCE_RTOL). */
export function hasDispersion(mean: number, stdev: number): boolean {
  return stdev > 0 && stdev > ZERO_VARIANCE_RTOL * Math.abs(mean);
}

/**
 * Moments of the bar returns of `equity` started from `initialCash` (see barReturns).
 * Edge cases: no bars gives count 0 and NaN everywhere; one bar gives a mean and a downside deviation but a NaN
 * stdev (ddof 1 needs two values); a non-finite return (equity touching 0) makes every moment NaN.
 */
export function returnStats(equity: Float64Array, initialCash: number): ReturnStats {
  const n = equity.length;
  if (n === 0) {
    return { count: 0, mean: Number.NaN, stdev: Number.NaN, downsideDeviation: Number.NaN, equitySum: 0 };
  }
  let sum = 0;
  let equitySum = 0;
  let downSq = 0;
  let prev = initialCash;
  for (let t = 0; t < n; t++) {
    const e = equity[t]!;
    const r = e / prev - 1;
    prev = e;
    equitySum += e;
    sum += r;
    // (r - |r|) / 2 is exactly min(r, 0) but has no branch: a branch on the sign of a return is a coin flip the
    // CPU mispredicts half the time, which made this loop five times slower.
    const down = (r - Math.abs(r)) * 0.5;
    downSq += down * down;
  }
  const mean = sum / n;
  let sq = 0;
  prev = initialCash;
  for (let t = 0; t < n; t++) {
    const e = equity[t]!;
    const d = e / prev - 1 - mean;
    prev = e;
    sq += d * d;
  }
  return {
    count: n,
    mean,
    stdev: n < 2 ? Number.NaN : Math.sqrt(sq / (n - 1)),
    downsideDeviation: Math.sqrt(downSq / n),
    equitySum,
  };
}
