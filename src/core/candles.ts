/**
 * @module core/candles
 * Candles are struct-of-arrays: one Float64Array per column, index i is bar i. `ts` is the bar open time in
 * epoch ms UTC (integers up to 2^53 are exact in a double). Hot loops read these columns directly; there is no
 * per-bar object anywhere in the pipeline.
 */
import { StudioError } from "./errors.js";

export interface Candles {
  /** Bar open time, epoch ms UTC, strictly increasing. */
  readonly ts: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Volume-weighted average price, when the source has one. */
  readonly vwap?: Float64Array;
  /** 1 where `ts[i] - ts[i-1] > 1.5 * interval` (0 for the first bar); set by ingestion. */
  readonly gapFlag?: Uint8Array;
}

/** The price/volume columns every Candles value has, in storage order. */
export const CANDLE_COLUMNS = ["open", "high", "low", "close", "volume"] as const;

export function candleCount(c: Candles): number {
  return c.ts.length;
}

/** Empty candle columns of length n, ready to fill. */
export function allocCandles(
  n: number,
  withVwap = false,
): Required<Omit<Candles, "vwap">> & { vwap?: Float64Array } {
  const out = {
    ts: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    gapFlag: new Uint8Array(n),
  };
  return withVwap ? { ...out, vwap: new Float64Array(n) } : out;
}

/** Bars [from, to) as views (no copy). */
export function sliceCandles(c: Candles, from: number, to: number): Candles {
  const out: { -readonly [K in keyof Candles]: Candles[K] } = {
    ts: c.ts.subarray(from, to),
    open: c.open.subarray(from, to),
    high: c.high.subarray(from, to),
    low: c.low.subarray(from, to),
    close: c.close.subarray(from, to),
    volume: c.volume.subarray(from, to),
  };
  if (c.vwap) out.vwap = c.vwap.subarray(from, to);
  if (c.gapFlag) out.gapFlag = c.gapFlag.subarray(from, to);
  return out;
}

/** The bars with start <= ts <= end of time-sorted candles, as views (no copy); found by binary search. */
export function candlesBetween(c: Candles, start: number, end: number): Candles {
  return sliceCandles(c, countBefore(c.ts, start, false), countBefore(c.ts, end, true));
}

/** How many sorted values are below `value` (or at most `value` when `inclusive`). */
function countBefore(ts: Float64Array, value: number, inclusive: boolean): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]! < value || (inclusive && ts[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Throws DATA_INVALID unless all columns have the same length. */
export function assertCandleShape(c: Candles): void {
  const n = c.ts.length;
  for (const key of [...CANDLE_COLUMNS, "vwap", "gapFlag"] as const) {
    const col = c[key];
    if (col !== undefined && col.length !== n) {
      throw new StudioError("DATA_INVALID", `candles: column ${key} has ${col.length} rows, ts has ${n}`);
    }
  }
}
