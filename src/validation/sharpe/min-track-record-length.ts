/**
 * @module validation/sharpe/min-track-record-length
 * The minimum track record length: how many returns are needed before an observed Sharpe ratio is significantly
 * above a benchmark at confidence 1 - alpha. It tells a user whether the backtest is long enough to say anything.
 * @see Bailey & López de Prado (2012), "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2), MinTRL.
 */
import { normalQuantile } from "./normal-distribution.js";
import { sharpeVarianceFactor } from "./probabilistic-sharpe-ratio.js";

/**
 * MinTRL = 1 + (1 - γ3·SR + (γ4 - 1)/4·SR²)·(Φ⁻¹(1 - alpha) / (SR - SR*))², in observations.
 * Per-period Sharpe ratios, non-excess kurtosis. +Infinity when SR <= SR* (no length establishes SR > SR* from an
 * estimate that is not above it); NaN for alpha outside (0, 1) or a non-positive variance factor.
 */
export function minTrackRecordLength(
  sr: number,
  srBenchmark: number,
  skew: number,
  kurtosis: number,
  alpha: number,
): number {
  const v = sharpeVarianceFactor(sr, skew, kurtosis);
  if (!(alpha > 0 && alpha < 1) || !(v > 0) || Number.isNaN(sr - srBenchmark)) return Number.NaN;
  if (sr <= srBenchmark) return Number.POSITIVE_INFINITY;
  const z = normalQuantile(1 - alpha) / (sr - srBenchmark);
  return 1 + v * z * z;
}
