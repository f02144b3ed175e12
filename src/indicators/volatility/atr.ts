/**
 * @module indicators/volatility/atr
 * Wilder's Average True Range, TA-Lib's ATR. True range at bar t >= 1 is max(high - low, |high - close[t-1]|,
 * |low - close[t-1]|); bar 0 has no previous close and is not used. The first ATR, at bar `period` (the
 * lookback), is the plain mean of TR[1..period]; then `atr = (prev * (period - 1) + TR) / period`.
 */
import { z } from "zod";
import { type IndicatorDef, newColumn } from "../types.js";

const schema = z.strictObject({
  period: z.int().min(1).max(100_000).default(14).describe("Wilder smoothing period."),
});

export const atr: IndicatorDef<typeof schema> = {
  name: "atr",
  summary: "Average True Range (Wilder smoothing).",
  schema,
  outputs: ["atr"],
  lookback: ({ period }) => period,
  compute: ({ high, low, close }, { period }, alloc = newColumn) => {
    const n = close.length;
    const out = alloc(n);
    out.fill(Number.NaN, 0, Math.min(period, n));
    if (n <= period) return { atr: out };
    let sum = 0;
    for (let i = 1; i <= period; i++) sum += trueRange(high[i]!, low[i]!, close[i - 1]!);
    let value = sum / period;
    out[period] = value;
    const keep = period - 1;
    for (let i = period + 1; i < n; i++) {
      value = (value * keep + trueRange(high[i]!, low[i]!, close[i - 1]!)) / period;
      out[i] = value;
    }
    return { atr: out };
  },
};

function trueRange(high: number, low: number, prevClose: number): number {
  return Math.max(high - low, Math.abs(high - prevClose), Math.abs(low - prevClose));
}
