/**
 * @module metrics/trades/expectancy
 * What one trade is worth on average, as a return on the equity committed before it, so runs of different sizes
 * compare; backtesting.py's "Expectancy [%]" is the same mean (as a fraction here, not a percentage).
 */

/**
 * `mean(returnPct)` over closed round trips (returnPct = net pnl / equity before the entry fill).
 * Edge cases: null with no closed trades.
 */
export function expectancy(returnPct: Float64Array): number | null {
  const n = returnPct.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returnPct[i]!;
  return Number.isFinite(sum) ? sum / n : null;
}
