/**
 * @module indicators/sma
 * Simple moving average of a candle column (`field`, the close by default): the arithmetic mean of its last
 * `period` values. TA-Lib's SMA (lookback period-1). Computed with a running sum that is re-anchored (summed
 * afresh) at every window starting on a multiple of `period`, so rounding error cannot build up on long series
 * while the cost stays O(n). Anchors are fixed by absolute bar index, so a value never depends on how long the
 * series is.
 */
import { z } from "zod";
import { dropDefaultField, seriesFieldParam, seriesOf } from "./series-field.js";
import { type IndicatorDef, newColumn } from "./types.js";

const schema = z
  .strictObject({
    period: z.int().min(1).max(100_000).default(20).describe("Number of values averaged."),
    field: seriesFieldParam,
  })
  .overwrite(dropDefaultField);

export const sma: IndicatorDef<typeof schema> = {
  name: "sma",
  summary: "Simple moving average of a candle column (the close by default).",
  schema,
  outputs: ["sma"],
  lookback: ({ period }) => period - 1,
  compute: (candles, p, alloc = newColumn) => ({
    sma: rollingMean(seriesOf(candles, p), p.period, alloc(candles.ts.length)),
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
