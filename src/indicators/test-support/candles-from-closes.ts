/**
 * @module indicators/test-support/candles-from-closes
 * Builds candles from a list of closes for hand-computed indicator tests: open = previous close (the first open
 * equals the first close), high/low bracket open and close, volume 1000, daily timestamps from 2024-01-01.
 */
import type { Candles } from "../../core/candles.js";

export function candlesFromCloses(closes: readonly number[], volumes?: readonly number[]): Candles {
  const n = closes.length;
  const ts = new Float64Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = Float64Array.from(closes);
  const volume = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ts[i] = Date.UTC(2024, 0, 1) + i * 86_400_000;
    open[i] = i === 0 ? close[i]! : close[i - 1]!;
    high[i] = Math.max(open[i]!, close[i]!);
    low[i] = Math.min(open[i]!, close[i]!);
    volume[i] = volumes?.[i] ?? 1000;
  }
  return { ts, open, high, low, close, volume };
}
