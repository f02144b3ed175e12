/**
 * @module indicators/momentum/rsi
 * Wilder's Relative Strength Index of a candle column (`field`, the close by default), TA-Lib's convention: the
 * first average gain and loss are the plain means of the first `period` bar-to-bar changes (bars 1..period), so the first value is at bar
 * `period` (the lookback); after that each average is smoothed as `(prev * (period - 1) + current) / period`.
 * RSI = 100 * avgGain / (avgGain + avgLoss), which is 100 - 100 / (1 + RS) without dividing by a zero loss.
 * One deliberate departure from TA-Lib: when both averages are exactly 0 (every change in the seed window was 0
 * and none since), TA-Lib prints 0; we print 50, because a flat market is neither oversold nor overbought and
 * 0 would make `rsi_reversion` buy every flat stretch.
 */
import { z } from "zod";
import { dropDefaultField, seriesFieldParam, seriesOf } from "../features/series-field.js";
import { type IndicatorDef, newColumn } from "../types.js";

const schema = z
  .strictObject({
    period: z.int().min(2).max(100_000).default(14).describe("Wilder smoothing period."),
    field: seriesFieldParam,
  })
  .overwrite(dropDefaultField);

export const rsi: IndicatorDef<typeof schema> = {
  name: "rsi",
  summary: "Relative Strength Index of a candle column, the close by default (Wilder smoothing, 0..100).",
  schema,
  outputs: ["rsi"],
  lookback: ({ period }) => period,
  compute: (candles, p, alloc = newColumn) => ({
    rsi: wilderRsi(seriesOf(candles, p), p.period, alloc(candles.ts.length)),
  }),
};

function wilderRsi(values: Float64Array, period: number, out: Float64Array): Float64Array {
  const n = values.length;
  out.fill(Number.NaN, 0, Math.min(period, n));
  if (n <= period) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i++) {
    const change = values[i]! - values[i - 1]!;
    if (change > 0) gain += change;
    else loss -= change;
  }
  gain /= period;
  loss /= period;
  out[period] = ratio(gain, loss);
  const keep = period - 1;
  for (let i = period + 1; i < n; i++) {
    const change = values[i]! - values[i - 1]!;
    gain = (gain * keep + Math.max(change, 0)) / period;
    loss = (loss * keep + Math.max(-change, 0)) / period;
    out[i] = ratio(gain, loss);
  }
  return out;
}

function ratio(gain: number, loss: number): number {
  const total = gain + loss;
  return total === 0 ? 50 : (100 * gain) / total;
}
