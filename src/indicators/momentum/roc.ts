/**
 * @module indicators/momentum/roc
 * Rate of change of a candle column (`field`, the close by default) as a fraction: x[t] / x[t - period] - 1
 * (0.05 = +5%), lookback `period`. TA-Lib's ROCR minus 1; TA-Lib's ROC is this times 100. Prices are positive
 * after ingestion; a zero value `period` bars back (volume can be 0) gives ±Infinity, or NaN for 0/0.
 */
import { z } from "zod";
import { dropDefaultField, seriesFieldParam, seriesOf } from "../features/series-field.js";
import { type IndicatorDef, newColumn } from "../types.js";

const schema = z
  .strictObject({
    period: z.int().min(1).max(100_000).default(10).describe("Bars between the two values compared."),
    field: seriesFieldParam,
  })
  .overwrite(dropDefaultField);

export const roc: IndicatorDef<typeof schema> = {
  name: "roc",
  summary: "Rate of change of a candle column (the close by default) as a fraction: x / x[t-period] - 1.",
  schema,
  outputs: ["roc"],
  lookback: ({ period }) => period,
  compute: (candles, p, alloc = newColumn) => {
    const x = seriesOf(candles, p);
    const period = p.period;
    const n = x.length;
    const out = alloc(n);
    out.fill(Number.NaN, 0, Math.min(period, n));
    for (let i = period; i < n; i++) out[i] = x[i]! / x[i - period]! - 1;
    return { roc: out };
  },
};
