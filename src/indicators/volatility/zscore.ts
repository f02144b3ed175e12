/**
 * @module indicators/volatility/zscore
 * Rolling z-score of a candle column (`field`, the close by default): (x - SMA(period)) / population stdev of the
 * same window, lookback period-1. When the stdev is 0 (every value in the window is equal, so the value *is* the
 * mean) the z-score is defined as 0 rather than 0/0, so the series never turns NaN after its warm-up.
 */
import { z } from "zod";
import { dropDefaultField, seriesFieldParam, seriesOf } from "../features/series-field.js";
import { rollingMoments } from "../rolling/rolling-moments.js";
import { type IndicatorDef, newColumn } from "../types.js";

const schema = z
  .strictObject({
    period: z.int().min(2).max(100_000).default(20).describe("Number of values in the window."),
    field: seriesFieldParam,
  })
  .overwrite(dropDefaultField);

export const zscore: IndicatorDef<typeof schema> = {
  name: "zscore",
  summary:
    "(x - SMA) / population standard deviation of a candle column (the close by default); 0 when flat.",
  schema,
  outputs: ["zscore"],
  lookback: ({ period }) => period - 1,
  compute: (candles, { period, field }, alloc = newColumn) => {
    const series = seriesOf(candles, { field });
    const n = series.length;
    const out = alloc(n);
    const sd = new Float64Array(n);
    rollingMoments(series, period, out, sd);
    for (let i = period - 1; i < n; i++) {
      const s = sd[i]!;
      out[i] = s === 0 ? 0 : (series[i]! - out[i]!) / s;
    }
    return { zscore: out };
  },
};
