/**
 * @module indicators/trend/macd
 * Moving Average Convergence/Divergence of a candle column (`field`, the close by default), TA-Lib's MACD:
 * macd = fastEMA - slowEMA, signal = EMA(signal) of the macd line, hist = macd - signal; alpha = 2 / (period + 1) for all three. Seeding follows TA-Lib so values match
 * it: the slow EMA is seeded at bar slow-1 with the SMA of values 0..slow-1, and the fast EMA is seeded at the
 * *same* bar with the SMA of values slow-fast..slow-1 (not at bar fast-1), so `macd` is not exactly
 * `ema_fast - ema_slow` during the first bars (the gap shrinks by (1 - 2/(fast+1)) per bar). The signal EMA is
 * seeded at bar slow+signal-2 with the SMA of the first `signal` macd values. All three outputs are NaN for the
 * first slow-1 + signal-1 bars (TA-Lib's lookback), although the macd line alone exists earlier.
 */
import { z } from "zod";
import { dropDefaultField, seriesFieldParam, seriesOf } from "../features/series-field.js";
import { type IndicatorDef, newColumn } from "../types.js";
import { emaFrom } from "./ema.js";

const schema = z
  .strictObject({
    fast: z.int().min(1).max(100_000).default(12).describe("Fast EMA period; must be less than slow."),
    slow: z.int().min(2).max(100_000).default(26).describe("Slow EMA period."),
    signal: z.int().min(1).max(100_000).default(9).describe("EMA period of the signal line."),
    field: seriesFieldParam,
  })
  .superRefine((p, ctx) => {
    if (p.fast >= p.slow) {
      ctx.addIssue({
        code: "custom",
        path: ["fast"],
        message: `fast (${p.fast}) must be less than slow (${p.slow})`,
      });
    }
  })
  .overwrite(dropDefaultField);

export const macd: IndicatorDef<typeof schema> = {
  name: "macd",
  summary: "MACD line, signal line and histogram of a candle column, the close by default (TA-Lib seeding).",
  schema,
  outputs: ["macd", "signal", "hist"],
  lookback: ({ slow, signal }) => slow - 1 + signal - 1,
  compute: (candles, { fast, slow, signal, field }, alloc = newColumn) => {
    const series = seriesOf(candles, { field });
    const n = series.length;
    const line = emaFrom(series, fast, slow - fast, alloc(n));
    // `hist` first holds the slow EMA, then the histogram: one buffer fewer on long series.
    const hist = emaFrom(series, slow, 0, alloc(n));
    for (let i = slow - 1; i < n; i++) line[i] = line[i]! - hist[i]!;
    const sig = emaFrom(line, signal, slow - 1, alloc(n));
    const lookback = slow - 1 + signal - 1;
    const warm = Math.min(lookback, n);
    line.fill(Number.NaN, 0, warm);
    hist.fill(Number.NaN, 0, warm);
    for (let i = lookback; i < n; i++) hist[i] = line[i]! - sig[i]!;
    return { macd: line, signal: sig, hist };
  },
};
