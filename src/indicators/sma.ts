/**
 * @module indicators/sma
 * Simple moving average of the close: the arithmetic mean of the last `period` closes. TA-Lib's SMA.
 * Computed with a running sum that is re-anchored every `period` bars, so rounding error stays bounded on long
 * series while the cost stays O(n).
 */
import { z } from "zod";
import type { IndicatorDef } from "./types.js";

const schema = z.strictObject({
  period: z.int().min(1).max(100_000).default(20).describe("Number of closes averaged."),
});

export const sma: IndicatorDef<typeof schema> = {
  name: "sma",
  summary: "Simple moving average of the close.",
  schema,
  outputs: ["sma"],
  lookback: ({ period }) => period - 1,
  compute: (candles, { period }) => ({ sma: rollingMean(candles.close, period) }),
};

/** Mean of values[t-period+1..t]; NaN for t < period - 1. */
export function rollingMean(values: Float64Array, period: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(Number.NaN);
  if (n < period) return out;
  let sum = 0;
  for (let i = 0; i < period; i++) sum += values[i]!;
  out[period - 1] = sum / period;
  for (let i = period; i < n; i++) {
    if ((i - period + 1) % period === 0) {
      // Re-anchor: recompute the window exactly instead of carrying the running sum's rounding error.
      sum = 0;
      for (let j = i - period + 1; j <= i; j++) sum += values[j]!;
    } else {
      sum += values[i]! - values[i - period]!;
    }
    out[i] = sum / period;
  }
  return out;
}
