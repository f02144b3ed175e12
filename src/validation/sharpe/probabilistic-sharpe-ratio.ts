/**
 * @module validation/sharpe/probabilistic-sharpe-ratio
 * The probabilistic Sharpe ratio: the probability that the true Sharpe ratio exceeds a benchmark, given an
 * estimate from `t` non-normal iid returns. It turns a Sharpe ratio into a confidence, which is what a user needs to
 * judge a short or fat-tailed track record.
 * @see Bailey & López de Prado (2012), "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2), eq. for PSR.
 */
import { normalCdf } from "./normal-distribution.js";

/**
 * The variance factor of the Sharpe estimate under non-normal returns: 1 - γ3·SR + (γ4 - 1)/4 · SR².
 * `kurtosis` is non-excess (normal = 3).
 */
export function sharpeVarianceFactor(sr: number, skew: number, kurtosis: number): number {
  return 1 - skew * sr + ((kurtosis - 1) / 4) * sr * sr;
}

/**
 * PSR(SR*) = Φ((SR - SR*)·sqrt(t - 1) / sqrt(1 - γ3·SR + (γ4 - 1)/4·SR²)).
 * All Sharpe ratios per period (not annualized), `t` = number of returns, `kurtosis` non-excess.
 * NaN when t <= 1 or the variance factor is not positive (a skew/kurtosis pair no distribution has).
 */
export function probabilisticSharpeRatio(
  sr: number,
  srBenchmark: number,
  t: number,
  skew: number,
  kurtosis: number,
): number {
  const v = sharpeVarianceFactor(sr, skew, kurtosis);
  if (!(t > 1) || !(v > 0)) return Number.NaN;
  return normalCdf(((sr - srBenchmark) * Math.sqrt(t - 1)) / Math.sqrt(v));
}
