/**
 * @module metrics/trades/profit-factor
 * Gross money won per unit of gross money lost, as backtesting.py and vectorbt report it.
 */
import { finiteOrNull } from "../finite-or-null.js";

/**
 * `sum(pnl > 0) / |sum(pnl < 0)|` over net round-trip P&L.
 * Edge cases: null with no losing trade (no trades at all included): the ratio would be infinite or 0/0;
 * 0 when there are losers but no winners.
 */
export function profitFactor(pnl: Float64Array): number | null {
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < pnl.length; i++) {
    const p = pnl[i]!;
    if (p > 0) gains += p;
    else if (p < 0) losses += p;
  }
  if (losses === 0) return null;
  return finiteOrNull(gains / Math.abs(losses));
}
