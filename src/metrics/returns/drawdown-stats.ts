/**
 * @module metrics/returns/drawdown-stats
 * Max drawdown, average drawdown and the longest drawdown duration are three readings of one scan over the
 * drawdown episodes, so they come from one pass rather than three (a million-bar curve is scanned once).
 *
 * The running peak starts at `equity[0]`, not at the initial cash, so `maxDrawdown` is exactly the minimum of
 * the run's drawdown series (`drawdown[t] = equity[t] / max(equity[0..t]) - 1`, docs/architecture.md#equity-marking) and of
 * drawdown.parquet; vectorbt measures drawdown the same way. An episode starts when equity falls below the
 * running peak and ends at the first bar that regains the peak (equity >= peak), or at the last bar when it never
 * does; its duration is counted from the peak bar to that end bar, as backtesting.py and vectorbt count it.
 */

export interface DrawdownStats {
  /** Most negative drawdown, `min(equity / running peak - 1)`; 0 when equity never fell below a peak. */
  readonly maxDrawdown: number;
  /** Mean of the episodes' troughs (each <= 0); 0 when there is no episode. */
  readonly avgDrawdown: number;
  /** Longest episode from its peak bar to its recovery bar (or the last bar); 0 when there is no episode. */
  readonly maxDurationBars: number;
  /** Number of drawdown episodes, recovered or not. */
  readonly episodes: number;
}

/**
 * Drawdown episodes of an equity curve (positive values assumed, as the drawdown series itself assumes).
 * Edge cases: empty or one-bar curves and curves that never fall have no episode (all zeros); an episode still
 * open at the last bar counts, with its duration running to the last bar.
 */
export function drawdownStats(equity: Float64Array): DrawdownStats {
  const n = equity.length;
  let peak = n === 0 ? 0 : equity[0]!;
  let peakBar = 0;
  let troughSum = 0;
  let episodes = 0;
  let maxDrawdown = 0;
  let maxDurationBars = 0;
  // Alternate two tight loops (rising to new peaks, then under water until the peak is regained) instead of one
  // loop with a per-bar branch on the state: each loop's exit is taken once per episode, and the peak is constant
  // under water, so the trough is min(equity) / peak - 1 (exactly the min of the per-bar drawdowns, division
  // being monotonic) with no division per bar.
  let t = 1;
  while (t < n) {
    let e = equity[t]!;
    while (e >= peak) {
      peak = e;
      peakBar = t;
      if (++t === n) break;
      e = equity[t]!;
    }
    if (t === n) break;
    let low = e;
    // Written as !(e >= peak) so a NaN equity counts as under water and the scan always advances.
    while (!(e >= peak)) {
      if (e < low) low = e;
      if (++t === n) break;
      e = equity[t]!;
    }
    const trough = low / peak - 1;
    troughSum += trough;
    episodes++;
    if (trough < maxDrawdown) maxDrawdown = trough;
    // t is the recovery bar, or n when the episode is still open at the end (then it runs to the last bar).
    const duration = (t === n ? n - 1 : t) - peakBar;
    if (duration > maxDurationBars) maxDurationBars = duration;
  }
  return { maxDrawdown, avgDrawdown: episodes === 0 ? 0 : troughSum / episodes, maxDurationBars, episodes };
}
