/**
 * @module indicators/volatility/donchian
 * Donchian channel: upper = highest high and lower = lowest low of the last `period` bars *including* bar t
 * (raw value, lookback period-1). Strategies see it shifted like every feature, so the channel they read at t
 * ends at bar t-1; a breakout rule must compare with the channel one bar further back (see donchian_breakout).
 * O(n) with van Herk / Gil-Werman blocks: split the bars into blocks of `period`; a window [t-period+1, t] is
 * the tail of one complete block plus the head of the next, so its extreme is the extreme of a precomputed block
 * suffix and a running block prefix (two comparisons per bar, no data-dependent loops).
 */
import { z } from "zod";
import { type IndicatorDef, newColumn } from "../types.js";

const schema = z.strictObject({
  period: z.int().min(1).max(100_000).default(20).describe("Number of bars in the channel, bar t included."),
});

export const donchian: IndicatorDef<typeof schema> = {
  name: "donchian",
  summary: "Donchian channel: highest high and lowest low of the last period bars.",
  schema,
  outputs: ["upper", "lower"],
  lookback: ({ period }) => period - 1,
  compute: ({ high, low }, { period }, alloc = newColumn) => {
    const suffix = new Float64Array(high.length);
    return {
      upper: rollingExtreme(high, period, true, suffix, alloc(high.length)),
      lower: rollingExtreme(low, period, false, suffix, alloc(low.length)),
    };
  },
};

/** Rolling max (`isMax`) or min of values[t-period+1..t] into `out`; NaN for t < period - 1. */
function rollingExtreme(
  values: Float64Array,
  period: number,
  isMax: boolean,
  suffix: Float64Array,
  out: Float64Array,
): Float64Array {
  const n = values.length;
  // suffix[j] = extreme of values[j..end of j's block]. The last block may be cut short by the series end, but a
  // window only ever reads the suffix of a block that ends inside it, which is complete.
  for (let start = 0; start < n; start += period) {
    const end = Math.min(start + period, n) - 1;
    let acc = values[end]!;
    suffix[end] = acc;
    for (let j = end - 1; j >= start; j--) {
      acc = isMax ? Math.max(acc, values[j]!) : Math.min(acc, values[j]!);
      suffix[j] = acc;
    }
  }
  out.fill(Number.NaN, 0, Math.min(period - 1, n));
  for (let start = 0; start < n; start += period) {
    const stop = Math.min(start + period, n);
    const from = Math.max(start, period - 1);
    let prefix = values[start]!;
    for (let i = start; i < from; i++)
      prefix = isMax ? Math.max(prefix, values[i]!) : Math.min(prefix, values[i]!);
    for (let i = from; i < stop; i++) {
      const x = values[i]!;
      const tail = suffix[i - period + 1]!;
      prefix = isMax ? Math.max(prefix, x) : Math.min(prefix, x);
      out[i] = isMax ? Math.max(tail, prefix) : Math.min(tail, prefix);
    }
  }
  return out;
}
