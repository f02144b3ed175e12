/**
 * @module metrics/returns/per-period-sharpe
 * The raw, un-annualized Sharpe of a return sample, for validation loops (deflated Sharpe, bootstrap) that need
 * thousands of them and their own annualization. It answers NaN rather than null so loops stay numeric.
 */
import { hasDispersion } from "./return-stats.js";

/**
 * `mean(returns) / stdev(returns, ddof 1)`, not annualized.
 * Edge cases: NaN with fewer than two returns, with zero (or rounding-noise) variance, and when any return is
 * non-finite. Callers that publish the value turn NaN into null with finiteOrNull.
 */
export function perPeriodSharpe(returns: Float64Array): number {
  const n = returns.length;
  if (n < 2) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returns[i]!;
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i]! - mean;
    sq += d * d;
  }
  const stdev = Math.sqrt(sq / (n - 1));
  return hasDispersion(mean, stdev) ? mean / stdev : Number.NaN;
}
