/**
 * @module validation/sharpe/deflated-sharpe-ratio
 * The deflated Sharpe ratio: the PSR of the selected strategy against the Sharpe ratio the best of all N trials
 * would show by luck alone. It corrects for selection (how many configurations were tried), short samples and
 * non-normal returns at once, so the number of trials a grid search ran is never hidden.
 * @see Bailey & López de Prado (2014), "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest
 * Overfitting and Non-Normality", J. Portfolio Management 40(5):94-107.
 */
import { expectedMaxSharpe } from "./expected-max-sharpe.js";
import { probabilisticSharpeRatio } from "./probabilistic-sharpe-ratio.js";

/** ddof of the variance of the trial Sharpe ratios (mlfinlab's convention, and what its published tests use). */
export const TRIAL_SHARPE_VARIANCE_DDOF = 0;

/** Population variance (ddof 0) of the trial Sharpe ratios; NaN when empty or any value is not finite. */
export function trialSharpeVariance(trialSharpes: ArrayLike<number>): number {
  const n = trialSharpes.length;
  if (n === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += trialSharpes[i]!;
  const m = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (trialSharpes[i]! - m) ** 2;
  return Number.isFinite(ss) ? ss / (n - TRIAL_SHARPE_VARIANCE_DDOF) : Number.NaN;
}

/**
 * DSR = PSR(SR0), SR0 = expectedMaxSharpe(N, V), N = trialSharpes.length, V = their variance with ddof 0.
 * Inputs per period (not annualized), `kurtosis` non-excess. N = 1 gives PSR(0). NaN when no trials are given.
 */
export function deflatedSharpeRatio(
  sr: number,
  trialSharpes: Float64Array | readonly number[],
  t: number,
  skew: number,
  kurtosis: number,
): number {
  const n = trialSharpes.length;
  if (n === 0) return Number.NaN;
  const sr0 = n === 1 ? 0 : expectedMaxSharpe(n, trialSharpeVariance(trialSharpes));
  return probabilisticSharpeRatio(sr, sr0, t, skew, kurtosis);
}
