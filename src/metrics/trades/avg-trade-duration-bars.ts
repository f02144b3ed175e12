/**
 * @module metrics/trades/avg-trade-duration-bars
 * How long a closed round trip lasts on average, in bars (not wall time, so it reads the same on any timeframe).
 */

/**
 * `mean(exitBar - entryBar)` over closed round trips: a trip entered at bar 3's open and exited at bar 5's open
 * lasted 2 bars; a reversal's exit and the next entry share a bar.
 * Edge cases: null with no closed trades.
 */
export function avgTradeDurationBars(entryBar: Int32Array, exitBar: Int32Array): number | null {
  const n = entryBar.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += exitBar[i]! - entryBar[i]!;
  return sum / n;
}
