/**
 * @module strategies/rules/window-ops
 * The functions of the rules language that look back along a column, each one O(n) over the whole column. They
 * only ever read the current and earlier bars, so a rule built from shifted features cannot see the future.
 * - `crossAbove(a, b)[t]` = a[t-1] < b[t-1] and a[t] > b[t] (strict on both bars, as `crossoverSignal`, so a
 *   touch is not a cross); false at bar 0 and whenever a NaN is involved. `crossBelow` mirrors it; `crossPair`
 *   writes both in one pass.
 * - `rollingExtreme(x, n)[t]` = max (or min) of x[t-n+1..t]: NaN until n values exist and while any of them is
 *   NaN. Monotonic deque, so O(n) whatever the window.
 * - `barsSince(c)[t]` = t minus the last bar at or before t where c was true (0 on such a bar); NaN before the
 *   first one.
 * - `prev(x, k)[t]` = x[t-k]; NaN (false for conditions) for t < k.
 */
import type { Operand } from "./column-ops.js";

export function crossAbove(a: Float64Array, b: Operand, out: Uint8Array): void {
  crosses(a, b, out, null);
}

export function crossBelow(a: Float64Array, b: Operand, out: Uint8Array): void {
  crosses(a, b, null, out);
}

/** crossAbove into `up` and crossBelow into `down` in one pass over the columns. */
export function crossPair(a: Float64Array, b: Operand, up: Uint8Array, down: Uint8Array): void {
  crosses(a, b, up, down);
}

/**
 * Both cross directions (either output may be null). Crosses are rare, so the outputs are cleared first and only
 * the crossing bars are written; the previous bar's values are carried in locals.
 */
function crosses(a: Float64Array, b: Operand, up: Uint8Array | null, down: Uint8Array | null): void {
  up?.fill(0);
  down?.fill(0);
  const n = (up ?? down)!.length;
  if (n === 0) return;
  const column = typeof b === "number" ? new Float64Array(n).fill(b) : b;
  let pa = a[0]!;
  let pb = column[0]!;
  for (let t = 1; t < n; t++) {
    const x = a[t]!;
    const y = column[t]!;
    if (pa < pb) {
      if (x > y && up !== null) up[t] = 1;
    } else if (pa > pb && x < y && down !== null) down[t] = 1;
    pa = x;
    pb = y;
  }
}

/** Rolling max (`wantMax`) or min of the last `window` values, including the current one. */
export function rollingExtreme(x: Float64Array, window: number, wantMax: boolean, out: Float64Array): void {
  const n = out.length;
  // Indices in the window, their values strictly decreasing (max) or increasing (min) from head to tail. Each
  // index is pushed once, so a plain array of n slots never wraps.
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let lastNaN = -1;
  for (let t = 0; t < n; t++) {
    const v = x[t]!;
    if (Number.isNaN(v)) {
      lastNaN = t;
    } else {
      while (tail > head && (wantMax ? x[deque[tail - 1]!]! <= v : x[deque[tail - 1]!]! >= v)) tail--;
      deque[tail++] = t;
    }
    while (tail > head && deque[head]! <= t - window) head++;
    out[t] = t < window - 1 || lastNaN > t - window ? Number.NaN : x[deque[head]!]!;
  }
}

export function barsSince(c: Uint8Array, out: Float64Array): void {
  let last = -1;
  for (let t = 0; t < out.length; t++) {
    if (c[t] === 1) last = t;
    out[t] = last < 0 ? Number.NaN : t - last;
  }
}

export function prevNumber(x: Float64Array, k: number, out: Float64Array): void {
  const n = out.length;
  const shift = Math.min(k, n);
  out.fill(Number.NaN, 0, shift);
  out.set(x.subarray(0, n - shift), shift);
}

export function prevCondition(c: Uint8Array, k: number, out: Uint8Array): void {
  const n = out.length;
  const shift = Math.min(k, n);
  out.fill(0, 0, shift);
  out.set(c.subarray(0, n - shift), shift);
}
