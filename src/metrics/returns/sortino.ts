/**
 * @module metrics/returns/sortino
 * Annualized Sortino ratio: Sharpe with only the losing bars counted as risk. The downside deviation averages
 * over ALL bars (gains count as zero), not just the losing ones, which is the textbook (Sortino & Price) and
 * vectorbt/quantstats convention; averaging over losing bars only would overstate the risk of rare losses.
 */
import { finiteOrNull } from "../finite-or-null.js";
import type { ReturnStats } from "./return-stats.js";

/**
 * `mean(r) / sqrt(mean over all bars of min(r, 0)^2) x sqrt(barsPerYear)`, target return 0.
 * Edge cases: null when no bar lost money (downside deviation 0), when `barsPerYear` is null (fewer than two
 * bars, or no time span), and when any return is non-finite.
 */
export function sortino(stats: ReturnStats, barsPerYear: number | null): number | null {
  if (barsPerYear === null || !(stats.downsideDeviation > 0)) return null;
  return finiteOrNull((stats.mean / stats.downsideDeviation) * Math.sqrt(barsPerYear));
}
