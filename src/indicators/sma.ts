/**
 * @module indicators/sma
 * Simple moving average of the close: the arithmetic mean of the last `period` closes. TA-Lib's SMA (lookback
 * period-1). Computed with a running sum that is re-anchored (summed afresh) at every window starting on a
 * multiple of `period`, so rounding error cannot build up on long series while the cost stays O(n). Anchors are
 * fixed by absolute bar index, so a value never depends on how long the series is.
 */
import { z } from "zod";
import { type IndicatorDef, newColumn } from "./types.js";

const schema = z.strictObject({
  period: z.int().min(1).max(100_000).default(20).describe("Number of closes averaged."),
});

export const sma: IndicatorDef<typeof schema> = {
  name: "sma",
  summary: "Simple moving average of the close.",
  schema,
  outputs: ["sma"],
  lookback: ({ period }) => period - 1,
  compute: (candles, { period }, alloc = newColumn) => ({
    sma: rollingMean(candles.close, period, alloc(candles.close.length)),
  }),
};

/** Mean of values[t-period+1..t] into `out`; NaN for t < period - 1. */
export function rollingMean(values: Float64Array, period: number, out: Float64Array): Float64Array {
  const n = values.length;
  out.fill(Number.NaN, 0, Math.min(period - 1, n));
  for (let start = 0; start + period <= n; start += period) {
    let sum = 0;
    for (let j = start; j < start + period; j++) sum += values[j]!;
    const end = start + period - 1;
    out[end] = sum / period;
    const stop = Math.min(end + period, n);
    for (let i = end + 1; i < stop; i++) {
      sum += values[i]! - values[i - period]!;
      out[i] = sum / period;
    }
  }
  return out;
}
