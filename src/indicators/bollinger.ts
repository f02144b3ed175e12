/**
 * @module indicators/bollinger
 * Bollinger Bands of the close (TA-Lib BBANDS with an SMA): mid = SMA(period), upper/lower = mid ± stddev x the
 * *population* standard deviation of the same `period` closes (divide by period, as Bollinger and TA-Lib do).
 * Lookback period-1. `mid` equals the `sma` indicator bit for bit.
 */
import { z } from "zod";
import { rollingMoments } from "./rolling-moments.js";
import { type IndicatorDef, newColumn } from "./types.js";

const schema = z.strictObject({
  period: z.int().min(2).max(100_000).default(20).describe("Number of closes in the window."),
  stddev: z
    .number()
    .positive()
    .max(1_000)
    .default(2)
    .describe("Band half-width in population standard deviations."),
});

export const bollinger: IndicatorDef<typeof schema> = {
  name: "bollinger",
  summary: "Bollinger Bands: SMA of the close ± k population standard deviations.",
  schema,
  outputs: ["mid", "upper", "lower"],
  lookback: ({ period }) => period - 1,
  compute: (candles, { period, stddev }, alloc = newColumn) => {
    const n = candles.close.length;
    const mid = alloc(n);
    const upper = alloc(n);
    // `lower` holds the standard deviation until the bands are written.
    const lower = alloc(n);
    rollingMoments(candles.close, period, mid, lower);
    for (let i = 0; i < n; i++) {
      const width = stddev * lower[i]!;
      upper[i] = mid[i]! + width;
      lower[i] = mid[i]! - width;
    }
    return { mid, upper, lower };
  },
};
