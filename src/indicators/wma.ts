/**
 * @module indicators/wma
 * Linearly weighted moving average of a candle column (`field`, the close by default), TA-Lib's WMA: weights
 * 1..period from the oldest to the newest value, divided by period*(period+1)/2; lookback period-1. O(n): the weighted sum moves by
 * `period * x_new - (plain sum of the previous window)`, and both sums are recomputed at every window starting
 * on a multiple of `period` so rounding error stays bounded (anchors depend on the bar index only).
 */
import { z } from "zod";
import { dropDefaultField, seriesFieldParam, seriesOf } from "./series-field.js";
import { type IndicatorDef, newColumn } from "./types.js";

const schema = z
  .strictObject({
    period: z
      .int()
      .min(1)
      .max(100_000)
      .default(20)
      .describe("Number of values weighted (newest weighs most)."),
    field: seriesFieldParam,
  })
  .overwrite(dropDefaultField);

export const wma: IndicatorDef<typeof schema> = {
  name: "wma",
  summary: "Linearly weighted moving average of a candle column (weights 1..period, newest heaviest).",
  schema,
  outputs: ["wma"],
  lookback: ({ period }) => period - 1,
  compute: (candles, p, alloc = newColumn) => ({
    wma: weightedMean(seriesOf(candles, p), p.period, alloc(candles.ts.length)),
  }),
};

function weightedMean(values: Float64Array, period: number, out: Float64Array): Float64Array {
  const n = values.length;
  out.fill(Number.NaN, 0, Math.min(period - 1, n));
  const divisor = (period * (period + 1)) / 2;
  for (let start = 0; start + period <= n; start += period) {
    let sum = 0;
    let weighted = 0;
    for (let j = 0; j < period; j++) {
      const x = values[start + j]!;
      sum += x;
      weighted += (j + 1) * x;
    }
    const end = start + period - 1;
    out[end] = weighted / divisor;
    const stop = Math.min(end + period, n);
    for (let i = end + 1; i < stop; i++) {
      const x = values[i]!;
      weighted += period * x - sum;
      sum += x - values[i - period]!;
      out[i] = weighted / divisor;
    }
  }
  return out;
}
