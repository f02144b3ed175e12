/**
 * @module indicators/volatility/bollinger
 * Bollinger Bands of a candle column (`field`, the close by default; TA-Lib BBANDS with an SMA): mid =
 * SMA(period), upper/lower = mid ± stddev x the *population* standard deviation of the same `period` values
 * (divide by period, as Bollinger and TA-Lib do). Lookback period-1. `mid` equals the `sma` indicator bit for bit.
 */
import { z } from "zod";
import { dropDefaultField, seriesFieldParam, seriesOf } from "../features/series-field.js";
import { rollingMoments } from "../rolling/rolling-moments.js";
import { type IndicatorDef, newColumn } from "../types.js";

const schema = z
  .strictObject({
    period: z.int().min(2).max(100_000).default(20).describe("Number of values in the window."),
    stddev: z
      .number()
      .positive()
      .max(1_000)
      .default(2)
      .describe("Band half-width in population standard deviations."),
    field: seriesFieldParam,
  })
  .overwrite(dropDefaultField);

export const bollinger: IndicatorDef<typeof schema> = {
  name: "bollinger",
  summary:
    "Bollinger Bands: SMA of a candle column (the close by default) ± k population standard deviations.",
  schema,
  outputs: ["mid", "upper", "lower"],
  lookback: ({ period }) => period - 1,
  compute: (candles, { period, stddev, field }, alloc = newColumn) => {
    const n = candles.ts.length;
    const mid = alloc(n);
    const upper = alloc(n);
    // `lower` holds the standard deviation until the bands are written.
    const lower = alloc(n);
    rollingMoments(seriesOf(candles, { field }), period, mid, lower);
    for (let i = 0; i < n; i++) {
      const width = stddev * lower[i]!;
      upper[i] = mid[i]! + width;
      lower[i] = mid[i]! - width;
    }
    return { mid, upper, lower };
  },
};
