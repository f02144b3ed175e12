/**
 * @module indicators/volatility/stddev
 * Rolling *population* standard deviation of a candle column (`field`, the close by default; divide by period,
 * TA-Lib STDDEV with nbDev 1), lookback period-1. A window of identical values gives exactly 0.
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

export const stddev: IndicatorDef<typeof schema> = {
  name: "stddev",
  summary: "Rolling population standard deviation of a candle column (the close by default).",
  schema,
  outputs: ["stddev"],
  lookback: ({ period }) => period - 1,
  compute: (candles, p, alloc = newColumn) => {
    const out = alloc(candles.ts.length);
    rollingMoments(seriesOf(candles, p), p.period, null, out);
    return { stddev: out };
  },
};
