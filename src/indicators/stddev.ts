/**
 * @module indicators/stddev
 * Rolling *population* standard deviation of the close (divide by period, TA-Lib STDDEV with nbDev 1), lookback
 * period-1. A window of identical closes gives exactly 0.
 */
import { z } from "zod";
import { rollingMoments } from "./rolling-moments.js";
import { type IndicatorDef, newColumn } from "./types.js";

const schema = z.strictObject({
  period: z.int().min(2).max(100_000).default(20).describe("Number of closes in the window."),
});

export const stddev: IndicatorDef<typeof schema> = {
  name: "stddev",
  summary: "Rolling population standard deviation of the close.",
  schema,
  outputs: ["stddev"],
  lookback: ({ period }) => period - 1,
  compute: (candles, { period }, alloc = newColumn) => {
    const out = alloc(candles.close.length);
    rollingMoments(candles.close, period, null, out);
    return { stddev: out };
  },
};
