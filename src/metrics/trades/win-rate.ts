/**
 * @module metrics/trades/win-rate
 * Fraction of closed round trips that made money after costs. A fraction in [0, 1], not a percentage: only
 * fields named `_pct` are percentages in metrics.json.
 */

/**
 * `#(pnl > 0) / #trades` over net round-trip P&L; a break-even trip (pnl exactly 0) is not a win.
 * Edge cases: null with no closed trades.
 */
export function winRate(pnl: Float64Array): number | null {
  const n = pnl.length;
  if (n === 0) return null;
  let wins = 0;
  for (let i = 0; i < n; i++) if (pnl[i]! > 0) wins++;
  return wins / n;
}
