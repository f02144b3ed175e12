/**
 * @module metrics/trades/sqn
 * Van Tharp's System Quality Number: a t-statistic of the trade P&L, i.e. how confidently the average trade is
 * above zero. Computed on net P&L in currency as backtesting.py does (Tharp uses R-multiples, which need a
 * per-trade initial risk this engine does not define).
 */
import { finiteOrNull } from "../finite-or-null.js";
import { hasDispersion } from "../returns/return-stats.js";

/**
 * `sqrt(#trades) x mean(pnl) / stdev(pnl, ddof 1)`.
 * Edge cases: null with fewer than two trades and when every trade made the same P&L (zero variance).
 */
export function sqn(pnl: Float64Array): number | null {
  const n = pnl.length;
  if (n < 2) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += pnl[i]!;
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const d = pnl[i]! - mean;
    sq += d * d;
  }
  const stdev = Math.sqrt(sq / (n - 1));
  if (!hasDispersion(mean, stdev)) return null;
  return finiteOrNull((Math.sqrt(n) * mean) / stdev);
}
