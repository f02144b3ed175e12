/**
 * @module data/candle-builder
 * Growable candle columns for sources whose row count is unknown up front (paged HTTP responses, CSV lines):
 * rows are appended as scalars straight into Float64Arrays that double when full, so ingestion never builds a
 * per-row object.
 */
import type { Candles } from "../core/candles.js";

export class CandleBuilder {
  length = 0;
  private cap: number;
  private cols: Float64Array[];
  private readonly withVwap: boolean;

  constructor(capacity = 1024, withVwap = false) {
    this.cap = Math.max(1, capacity);
    this.withVwap = withVwap;
    this.cols = Array.from({ length: withVwap ? 7 : 6 }, () => new Float64Array(this.cap));
  }

  push(ts: number, open: number, high: number, low: number, close: number, volume: number, vwap = 0): void {
    if (this.length === this.cap) this.grow();
    const i = this.length++;
    const c = this.cols;
    c[0]![i] = ts;
    c[1]![i] = open;
    c[2]![i] = high;
    c[3]![i] = low;
    c[4]![i] = close;
    c[5]![i] = volume;
    if (this.withVwap) c[6]![i] = vwap;
  }

  /** The rows pushed so far, trimmed to length (copied, so the builder's spare capacity is released). */
  build(): Candles {
    const n = this.length;
    const [ts, open, high, low, close, volume, vwap] = this.cols.map((c) => c.slice(0, n));
    return {
      ts: ts!,
      open: open!,
      high: high!,
      low: low!,
      close: close!,
      volume: volume!,
      ...(vwap ? { vwap } : {}),
    };
  }

  private grow(): void {
    this.cap *= 2;
    this.cols = this.cols.map((c) => {
      const next = new Float64Array(this.cap);
      next.set(c);
      return next;
    });
  }
}
