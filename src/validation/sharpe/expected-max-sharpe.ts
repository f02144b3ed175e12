/**
 * @module validation/sharpe/expected-max-sharpe
 * The Sharpe ratio the best of N worthless strategies is expected to show: the bar a selected strategy must
 * clear before its Sharpe ratio means anything (it is SR0 of the deflated Sharpe ratio).
 * @see Bailey & López de Prado (2014), "The Deflated Sharpe Ratio", J. Portfolio Management 40(5), eq. for SR0;
 * Bailey, Borwein, López de Prado & Zhu (2014), Notices AMS 61(5), for the approximation of E[max].
 */
import { normalQuantile } from "./normal-distribution.js";

const EULER_GAMMA = 0.5772156649015329;

/**
 * E[max of N iid N(0, V)] ≈ sqrt(V)·[(1 - γ)·Φ⁻¹(1 - 1/N) + γ·Φ⁻¹(1 - 1/(N·e))], γ = Euler-Mascheroni.
 * `trialSrVariance` is the variance of the trials' per-period Sharpe ratios. N = 1 gives 0 (the single trial's
 * expected value under the null) instead of the formula's -∞; N < 1 or a negative variance gives NaN.
 */
export function expectedMaxSharpe(nTrials: number, trialSrVariance: number): number {
  if (!(nTrials >= 1) || !(trialSrVariance >= 0)) return Number.NaN;
  if (nTrials === 1) return 0;
  const z =
    (1 - EULER_GAMMA) * normalQuantile(1 - 1 / nTrials) +
    EULER_GAMMA * normalQuantile(1 - 1 / (nTrials * Math.E));
  return Math.sqrt(trialSrVariance) * z;
}
