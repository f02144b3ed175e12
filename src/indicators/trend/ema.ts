/**
 * @module indicators/trend/ema
 * Exponential moving average of a candle column (`field`, the close by default), TA-Lib's EMA: seeded with the
 * SMA of the first `period` values (at bar period-1, the lookback), then `ema += alpha * (x - ema)` with alpha = 2 / (period + 1) for every
 * period, no special cases. The seed makes the value at bar t independent of anything after t and of a made-up
 * starting value.
 */
import { z } from "zod";
import { dropDefaultField, seriesFieldParam, seriesOf } from "../features/series-field.js";
import { type IndicatorDef, newColumn } from "../types.js";

const schema = z
  .strictObject({
    period: z
      .int()
      .min(1)
      .max(100_000)
      .default(20)
      .describe("Span of the average; alpha = 2 / (period + 1)."),
    field: seriesFieldParam,
  })
  .overwrite(dropDefaultField);

export const ema: IndicatorDef<typeof schema> = {
  name: "ema",
  summary: "Exponential moving average of a candle column (the close by default), seeded with an SMA.",
  schema,
  outputs: ["ema"],
  lookback: ({ period }) => period - 1,
  compute: (candles, p, alloc = newColumn) => ({
    ema: emaFrom(seriesOf(candles, p), p.period, 0, alloc(candles.ts.length)),
  }),
};

/**
 * EMA of values[first..] into `out`: seeded at bar first+period-1 with the mean of values[first..first+period-1];
 * NaN before. MACD uses `first` > 0 to seed its fast EMA the way TA-Lib does.
 */
export function emaFrom(
  values: Float64Array,
  period: number,
  first: number,
  out: Float64Array,
): Float64Array {
  const n = values.length;
  const seedAt = first + period - 1;
  out.fill(Number.NaN, 0, Math.min(seedAt, n));
  if (seedAt >= n) return out;
  let sum = 0;
  for (let j = first; j <= seedAt; j++) sum += values[j]!;
  let e = sum / period;
  out[seedAt] = e;
  const alpha = 2 / (period + 1);
  for (let i = seedAt + 1; i < n; i++) {
    e += alpha * (values[i]! - e);
    out[i] = e;
  }
  return out;
}
