/**
 * @module metrics/returns/sharpe
 * Annualized Sharpe ratio with a zero risk-free rate, the ratio backtesting.py and vectorbt users compare first.
 */
import { finiteOrNull } from "../finite-or-null.js";
import { hasDispersion, type ReturnStats } from "./return-stats.js";

/**
 * `mean(r) / stdev(r, ddof 1) x sqrt(barsPerYear)`.
 * Edge cases: null with fewer than two bars, when `barsPerYear` is null, and when the returns have zero variance
 * (including rounding-noise variance, see ZERO_VARIANCE_RTOL): a riskless curve has no finite Sharpe.
 */
export function sharpe(stats: ReturnStats, barsPerYear: number | null): number | null {
  if (barsPerYear === null || !hasDispersion(stats.mean, stats.stdev)) return null;
  return finiteOrNull((stats.mean / stats.stdev) * Math.sqrt(barsPerYear));
}
