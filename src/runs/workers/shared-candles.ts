/**
 * @module runs/workers/shared-candles
 * Copies series into SharedArrayBuffer-backed typed arrays, so every worker thread reads the same memory instead
 * of receiving its own copy of a possibly large candle set.
 */
import type { Candles } from "../../core/candles.js";

export function sharedFloat64(values: Float64Array): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(values.byteLength));
  out.set(values);
  return out;
}

/** The price/volume columns (and vwap) in shared memory; the gap flags stay behind (replays do not read them). */
export function sharedCandles(c: Candles): Candles {
  return {
    ts: sharedFloat64(c.ts),
    open: sharedFloat64(c.open),
    high: sharedFloat64(c.high),
    low: sharedFloat64(c.low),
    close: sharedFloat64(c.close),
    volume: sharedFloat64(c.volume),
    ...(c.vwap ? { vwap: sharedFloat64(c.vwap) } : {}),
  };
}
