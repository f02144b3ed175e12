/**
 * @module indicators/roc
 * Rate of change of the close as a fraction: close[t] / close[t - period] - 1 (0.05 = +5%), lookback `period`.
 * TA-Lib's ROCR minus 1; TA-Lib's ROC is this times 100. Closes are positive after ingestion; a zero close
 * `period` bars back would give ±Infinity (or NaN for 0/0).
 */
import { z } from "zod";
import { type IndicatorDef, newColumn } from "./types.js";

const schema = z.strictObject({
  period: z.int().min(1).max(100_000).default(10).describe("Bars between the two closes compared."),
});

export const roc: IndicatorDef<typeof schema> = {
  name: "roc",
  summary: "Rate of change of the close as a fraction: close / close[t-period] - 1.",
  schema,
  outputs: ["roc"],
  lookback: ({ period }) => period,
  compute: ({ close }, { period }, alloc = newColumn) => {
    const n = close.length;
    const out = alloc(n);
    out.fill(Number.NaN, 0, Math.min(period, n));
    for (let i = period; i < n; i++) out[i] = close[i]! / close[i - period]! - 1;
    return { roc: out };
  },
};
