// Keltner channel: an EMA of the close with bands `mult` average true ranges above and below it.
// Copy this file into {home}/indicators/ (and strategies/keltner_breakout.ts into {home}/strategies/).
// The EMA is seeded with the mean of its first `period` closes and the ATR is Wilder's, seeded with the mean of
// its first `atr_period` true ranges, so the value at bar t depends on bars 0..t only.
import { defineIndicator, z } from "backtest-studio";

export default defineIndicator({
  name: "keltner",
  summary: "Keltner channel: EMA of the close +- mult x ATR.",
  schema: z.strictObject({
    period: z.int().min(1).max(10_000).default(20).describe("EMA period of the middle line."),
    atr_period: z.int().min(1).max(10_000).default(10).describe("Wilder period of the average true range."),
    mult: z.number().positive().max(100).default(2).describe("Band width in average true ranges."),
  }),
  outputs: ["upper", "middle", "lower"],
  lookback: ({ period, atr_period }) => Math.max(period - 1, atr_period),
  compute: ({ high, low, close }, { period, atr_period, mult }) => {
    const n = close.length;
    const middle = new Float64Array(n).fill(Number.NaN);
    const atr = new Float64Array(n).fill(Number.NaN);
    if (n >= period) {
      let sum = 0;
      for (let t = 0; t < period; t++) sum += close[t];
      middle[period - 1] = sum / period;
      const alpha = 2 / (period + 1);
      for (let t = period; t < n; t++) middle[t] = middle[t - 1] + alpha * (close[t] - middle[t - 1]);
    }
    const trueRange = (t: number) =>
      Math.max(high[t] - low[t], Math.abs(high[t] - close[t - 1]), Math.abs(low[t] - close[t - 1]));
    if (n > atr_period) {
      let sum = 0;
      for (let t = 1; t <= atr_period; t++) sum += trueRange(t);
      atr[atr_period] = sum / atr_period;
      for (let t = atr_period + 1; t < n; t++) {
        atr[t] = (atr[t - 1] * (atr_period - 1) + trueRange(t)) / atr_period;
      }
    }
    const upper = new Float64Array(n).fill(Number.NaN);
    const lower = new Float64Array(n).fill(Number.NaN);
    const from = Math.max(period - 1, atr_period);
    for (let t = from; t < n; t++) {
      upper[t] = middle[t] + mult * atr[t];
      lower[t] = middle[t] - mult * atr[t];
    }
    middle.fill(Number.NaN, 0, Math.min(from, n));
    return { upper, middle, lower };
  },
});
