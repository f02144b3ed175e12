/**
 * @module metrics/objective
 * The score a walk-forward (or any grid search) maximizes to pick in-sample parameters. Unlike metrics.json it
 * must totally order every candidate, so undefined values get a rank instead of null:
 * - a ratio whose risk denominator is zero (zero variance, no losing bar, no drawdown) is the limit of the ratio:
 *   +Infinity when the numerator is positive (a riskless gain beats every risky one, as vectorbt's inf does),
 *   -Infinity otherwise (a flat, never-trading candidate ranks below every candidate with a defined score);
 * - anything that cannot be computed at all (fewer than two bars, no time span, under a day for calmar, a
 *   non-finite return) is -Infinity.
 * The result is never NaN, so `a > b` comparisons and sorts are safe. Ties keep the caller's first candidate.
 */
import { barsPerYear, yearsSpanned } from "./bars-per-year.js";
import { cagr } from "./cagr.js";
import { drawdownStats } from "./drawdown-stats.js";
import { hasDispersion, returnStats } from "./return-stats.js";
import { totalReturn } from "./total-return.js";

export const OBJECTIVE_NAMES = ["sharpe", "total_return", "sortino", "calmar"] as const;
export type ObjectiveName = (typeof OBJECTIVE_NAMES)[number];

export interface ObjectiveSeries {
  /** Equity marked at each bar's close. */
  readonly equity: Float64Array;
  /** Bar open times (epoch ms), one per equity value. */
  readonly ts: Float64Array;
  /** Equity just before the first bar: the run's initial cash, or for a slice, the equity at the bar before it. */
  readonly initialCash: number;
}

/** Limit of `numerator / 0+`: the rank of a ratio whose risk is zero. */
function zeroRiskRank(numerator: number): number {
  return numerator > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

function orWorst(x: number): number {
  return Number.isNaN(x) ? Number.NEGATIVE_INFINITY : x;
}

/**
 * The named metric of the series (same definitions as computeMetrics), higher is better, never NaN: see the
 * module comment for how undefined values rank.
 */
export function objective(name: ObjectiveName, series: ObjectiveSeries): number {
  const { equity, ts, initialCash } = series;
  if (name === "total_return") return orWorst(totalReturn(equity, initialCash));
  if (name === "calmar") {
    const growth = cagr(totalReturn(equity, initialCash), yearsSpanned(ts));
    if (growth === null) return Number.NEGATIVE_INFINITY;
    const { maxDrawdown } = drawdownStats(equity);
    return maxDrawdown === 0 ? zeroRiskRank(growth) : orWorst(growth / -maxDrawdown);
  }
  const bpy = barsPerYear(ts);
  const stats = returnStats(equity, initialCash);
  if (bpy === null || Number.isNaN(stats.mean)) return Number.NEGATIVE_INFINITY;
  const scale = Math.sqrt(bpy);
  if (name === "sharpe") {
    if (Number.isNaN(stats.stdev)) return Number.NEGATIVE_INFINITY;
    return hasDispersion(stats.mean, stats.stdev)
      ? orWorst((stats.mean / stats.stdev) * scale)
      : zeroRiskRank(stats.mean);
  }
  return stats.downsideDeviation > 0
    ? orWorst((stats.mean / stats.downsideDeviation) * scale)
    : zeroRiskRank(stats.mean);
}
