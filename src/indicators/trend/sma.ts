/**
 * @module indicators/trend/sma
 * Simple moving average of a candle column (`field`, the close by default): the arithmetic mean of its last
 * `period` values. TA-Lib's SMA (lookback period-1). Computed in O(n) with the compensated rolling sum of
 * rolling-sum.ts, so every value is within 1 ulp of the correctly rounded mean (two SMAs that are equal in exact
 * arithmetic stay equal or within an ulp, instead of drifting apart into a spurious cross). Anchors are fixed by
 * absolute bar index, so a value never depends on how long the series is.
 */
import { z } from "zod";
import { dropDefaultField, seriesFieldParam, seriesOf } from "../features/series-field.js";
import { rollingSum } from "../rolling/rolling-sum.js";
import { type IndicatorDef, newColumn } from "../types.js";

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
  return rollingSum(values, period, out, period);
}
