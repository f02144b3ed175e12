/**
 * @module indicators/zscore
 * Rolling z-score of the close: (close - SMA(period)) / population stdev of the same window, lookback period-1.
 * When the stdev is 0 (every close in the window is equal, so the close *is* the mean) the z-score is defined
 * as 0 rather than 0/0, so the series never turns NaN after its warm-up.
 */
import { z } from "zod";
import { rollingMoments } from "./rolling-moments.js";
import { type IndicatorDef, newColumn } from "./types.js";

const schema = z.strictObject({
  period: z.int().min(2).max(100_000).default(20).describe("Number of closes in the window."),
});

export const zscore: IndicatorDef<typeof schema> = {
  name: "zscore",
  summary: "(close - SMA) / population standard deviation over the window; 0 when the window is flat.",
  schema,
  outputs: ["zscore"],
  lookback: ({ period }) => period - 1,
  compute: (candles, { period }, alloc = newColumn) => {
    const close = candles.close;
    const n = close.length;
    const out = alloc(n);
    const sd = new Float64Array(n);
    rollingMoments(close, period, out, sd);
    for (let i = period - 1; i < n; i++) {
      const s = sd[i]!;
      out[i] = s === 0 ? 0 : (close[i]! - out[i]!) / s;
    }
    return { zscore: out };
  },
};
