/**
 * @module metrics/returns/volatility
 * Annualized volatility of the bar returns, the risk half of the Sharpe ratio reported on its own.
 */
import { finiteOrNull } from "../finite-or-null.js";
import type { ReturnStats } from "./return-stats.js";

/**
 * `stdev(r, ddof 1) x sqrt(barsPerYear)`.
 * Edge cases: null with fewer than two bars (no sample stdev) or when the span cannot be annualized
 * (`barsPerYear` null); a constant return series has volatility 0, which is a defined value.
 */
export function volatility(stats: ReturnStats, barsPerYear: number | null): number | null {
  if (barsPerYear === null) return null;
  return finiteOrNull(stats.stdev * Math.sqrt(barsPerYear));
}
