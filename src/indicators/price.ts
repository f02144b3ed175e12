/**
 * @module indicators/price
 * Identity "indicator": one candle column as a feature, lookback 0. Strategies never see candles, so a rule that
 * needs yesterday's close reads `price_close`, which the feature layer shifts like any other feature. The output
 * is a copy, so nothing downstream can alias (and mutate) the candles.
 */
import { z } from "zod";
import { type IndicatorDef, newColumn } from "./types.js";

const schema = z.strictObject({
  field: z
    .enum(["open", "high", "low", "close", "volume"])
    .default("close")
    .describe("Candle column to expose."),
});

export const price: IndicatorDef<typeof schema> = {
  name: "price",
  summary: "A candle column (open, high, low, close or volume) as a feature.",
  schema,
  outputs: ["price"],
  lookback: () => 0,
  compute: (candles, { field }, alloc = newColumn) => {
    const out = alloc(candles[field].length);
    out.set(candles[field]);
    return { price: out };
  },
};
