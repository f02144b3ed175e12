/**
 * @module validation/objective
 * The one objective every parameter search maximizes (walk-forward's in-sample selection, the overfitting
 * section and sweeps), computed on a range's bar returns, and the deterministic argmax. Ratios are annualized
 * like metrics.json (x sqrt(barsPerYear)); that does not change any ranking. Degenerate ranges rank sensibly and
 * the score is never NaN, so sorts and comparisons are safe: a flat range (no variance, no downside or no
 * drawdown) scores 0 when it made nothing, +Infinity when it gained without risk and -Infinity when it lost
 * without variance; a range too short to score (under 2 returns for sharpe, none for the others) is -Infinity.
 * - sharpe: mean / stdev (ddof 1) · sqrt(P). sortino: mean / sqrt(mean(min(r, 0)²)) · sqrt(P) over all bars.
 * - total_return: Π(1 + r) - 1. calmar: annualized return / max drawdown (peak includes the start).
 */
import { strictlyBetter } from "./at-least-as-good.js";
import { compoundedReturn } from "./returns.js";
import { mean, stdev } from "./sharpe/moments.js";
import { annualizedReturn } from "./walk-forward/walk-forward-efficiency.js";

export const OBJECTIVE_NAMES = ["sharpe", "total_return", "sortino", "calmar"] as const;
export type Objective = (typeof OBJECTIVE_NAMES)[number];

function ratio(num: number, den: number): number {
  if (den > 0) return num / den;
  return num > 0 ? Number.POSITIVE_INFINITY : num < 0 ? Number.NEGATIVE_INFINITY : 0;
}

/** Per-period Sharpe ratio, mean / stdev (ddof 1); 0 or ±Infinity for zero variance; NaN below 2 returns. */
export function sharpeRatio(returns: Float64Array): number {
  if (returns.length < 2) return Number.NaN;
  const m = mean(returns);
  return ratio(m, stdev(returns, 1, m));
}

function maxDrawdown(returns: Float64Array): number {
  let equity = 1;
  let peak = 1;
  let mdd = 0;
  for (let i = 0; i < returns.length; i++) {
    equity *= 1 + returns[i]!;
    if (equity > peak) peak = equity;
    else mdd = Math.max(mdd, (peak - equity) / peak);
  }
  return mdd;
}

/** The objective of a range's bar returns, higher is better, never NaN (see the module comment). */
export function objectiveValue(objective: Objective, returns: Float64Array, barsPerYear: number): number {
  const value = rawObjective(objective, returns, barsPerYear);
  return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
}

/**
 * The objective and the per-period Sharpe ratio of the same returns (a sweep keeps both), the Sharpe computed
 * once: the same values as objectiveValue and sharpeRatio.
 */
export function objectiveAndSharpe(
  objective: Objective,
  returns: Float64Array,
  barsPerYear: number,
): { objective: number; sharpe: number } {
  const sharpe = sharpeRatio(returns);
  const value = rawObjective(objective, returns, barsPerYear, sharpe);
  return { objective: Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value, sharpe };
}

function rawObjective(
  objective: Objective,
  returns: Float64Array,
  barsPerYear: number,
  sharpe?: number,
): number {
  switch (objective) {
    case "sharpe":
      return (sharpe ?? sharpeRatio(returns)) * Math.sqrt(barsPerYear);
    case "total_return":
      return compoundedReturn(returns);
    case "sortino": {
      if (returns.length === 0) return Number.NaN;
      let down = 0;
      for (let i = 0; i < returns.length; i++) down += Math.min(returns[i]!, 0) ** 2;
      return ratio(mean(returns), Math.sqrt(down / returns.length)) * Math.sqrt(barsPerYear);
    }
    case "calmar":
      return ratio(
        annualizedReturn(compoundedReturn(returns), returns.length, barsPerYear),
        maxDrawdown(returns),
      );
  }
}

/** Index of the largest value; NaN ranks below everything; ties (up to rounding, see at-least-as-good.ts) go to the first. */
export function argmaxFirst(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    const b = values[best]!;
    if (strictlyBetter(v, b) || (Number.isNaN(b) && !Number.isNaN(v))) best = i;
  }
  return best;
}
