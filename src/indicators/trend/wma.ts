/**
 * @module indicators/trend/wma
 * Linearly weighted moving average of a candle column (`field`, the close by default), TA-Lib's WMA: weights
 * 1..period from the oldest to the newest value, divided by period*(period+1)/2; lookback period-1. O(n): the
 * weighted sum moves by `period * x_new - (plain sum of the previous window)`. Both sums are compensated
 * (rolling-sum.ts) and recomputed at every window starting on a multiple of `period` so rounding error stays
 * bounded (anchors depend on the bar index only).
 */
import { z } from "zod";
import { dropDefaultField, seriesFieldParam, seriesOf } from "../features/series-field.js";
import { rollingSum, sumError } from "../rolling/rolling-sum.js";
import { type IndicatorDef, newColumn } from "../types.js";

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
  // sums[i] = values[i-period+1..i], compensated; the weighted sum moves by period * x - sums[i - 1].
  const sums = rollingSum(values, period, new Float64Array(n));
  for (let start = 0; start + period <= n; start += period) {
    let weighted = 0;
    let c = 0;
    for (let j = 0; j < period; j++) {
      const x = (j + 1) * values[start + j]!;
      const t = weighted + x;
      c += sumError(weighted, x, t);
      weighted = t;
    }
    const end = start + period - 1;
    out[end] = (weighted + c) / divisor;
    const stop = Math.min(end + period, n);
    for (let i = end + 1; i < stop; i++) {
      const add = period * values[i]!;
      let t = weighted + add;
      c += sumError(weighted, add, t);
      weighted = t;
      const sub = -sums[i - 1]!;
      t = weighted + sub;
      c += sumError(weighted, sub, t);
      weighted = t;
      out[i] = (weighted + c) / divisor;
    }
  }
  return out;
}
