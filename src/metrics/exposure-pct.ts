/**
 * @module metrics/exposure-pct
 * Share of the run spent in the market, as a percentage (0-100) like backtesting.py's "Exposure Time [%]".
 */

/**
 * `100 x (bars with positionQty != 0) / bars`, the position being the one held after the bar's fill.
 * Edge cases: 0 with no bars (no bar had a position); long and short both count as exposed.
 */
export function exposurePct(positionQty: Float64Array): number {
  const n = positionQty.length;
  let exposed = 0;
  for (let t = 0; t < n; t++) if (positionQty[t] !== 0) exposed++;
  return exposurePctOfCount(exposed, n);
}

/** `exposurePct` from the count of exposed bars out of `bars` (the engine counts them from its fills). */
export function exposurePctOfCount(exposedBars: number, bars: number): number {
  return bars === 0 ? 0 : (100 * exposedBars) / bars;
}
