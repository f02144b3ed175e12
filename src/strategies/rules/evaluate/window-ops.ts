/**
 * @module strategies/rules/evaluate/window-ops
 * The functions of the rules language that look back along a column. They only ever read the current and earlier
 * bars, so a rule built from shifted features cannot see the future. Each kernel runs over one block of bars and
 * takes a carry: what it must remember of the earlier blocks (the previous bar's operands, a delay line, a
 * window, a counter), so the evaluator can stream a series block by block and get exactly what one call over the
 * whole column gives. Left out, the carry is a fresh one: the call covers a whole series from bar 0.
 * - `crossAbove(a, b)[t]` = a[t-1] < b[t-1] and a[t] > b[t] (strict on both bars, as `crossoverSignal`, so a
 *   touch is not a cross); false at bar 0 and whenever a NaN is involved. `crossBelow` mirrors it; `crossPair`
 *   writes both in one pass.
 * - `rollingExtreme(x, n)[t]` = max (or min) of x[t-n+1..t] (see `extreme-window`).
 * - `barsSince(c)[t]` = t minus the last bar at or before t where c was true (0 on such a bar); NaN before the
 *   first one.
 * - `prev(x, k)[t]` = x[t-k]; NaN (false for conditions) for t < k.
 */
import type { Operand } from "./column-ops.js";

export { ExtremeWindow, rollingExtreme } from "./extreme-window.js";

/** The previous bar's operands of a cross (NaN before bar 0, so bar 0 never crosses). */
export interface CrossCarry {
  a: number;
  b: number;
}

export const crossCarry = (): CrossCarry => ({ a: Number.NaN, b: Number.NaN });

export function crossAbove(a: Float64Array, b: Operand, out: Uint8Array, carry = crossCarry()): void {
  crosses(a, b, out, null, carry);
}

export function crossBelow(a: Float64Array, b: Operand, out: Uint8Array, carry = crossCarry()): void {
  crosses(a, b, null, out, carry);
}

/** crossAbove into `up` and crossBelow into `down` in one pass over the columns. */
export function crossPair(
  a: Float64Array,
  b: Operand,
  up: Uint8Array,
  down: Uint8Array,
  carry = crossCarry(),
): void {
  crosses(a, b, up, down, carry);
}

/**
 * Both cross directions (either output may be null). Crosses are rare, so the outputs are cleared first and only
 * the crossing bars are written; the previous bar's values are carried in locals. Nothing follows the loops (the
 * carry is written first, the odd bars go first): V8 reuses a loop's optimized (OSR) code from call to call, and
 * code after the loop that it never saw run made it deoptimize on every block. The pair of two columns (the usual
 * entry and exit) has its own loop, four bars per turn and without the null checks; a constant `b` is a flat column.
 */
function crosses(
  a: Float64Array,
  b: Operand,
  up: Uint8Array | null,
  down: Uint8Array | null,
  carry: CrossCarry,
): void {
  up?.fill(0);
  down?.fill(0);
  const n = (up ?? down)!.length;
  if (n === 0) return;
  let pa = carry.a;
  let pb = carry.b;
  carry.a = a[n - 1]!;
  carry.b = typeof b === "number" ? b : b[n - 1]!;
  if (typeof b !== "number" && up !== null && down !== null) {
    let t = 0;
    for (; t < n % 4; t++) {
      const x = a[t]!;
      const y = b[t]!;
      if (pa < pb) {
        if (x > y) up[t] = 1;
      } else if (pa > pb && x < y) down[t] = 1;
      pa = x;
      pb = y;
    }
    // Four bars per turn: V8 re-checks every typed array on each turn of a loop, which costs more than the compares.
    for (; t < n; t += 4) {
      const x0 = a[t]!;
      const y0 = b[t]!;
      const x1 = a[t + 1]!;
      const y1 = b[t + 1]!;
      const x2 = a[t + 2]!;
      const y2 = b[t + 2]!;
      const x3 = a[t + 3]!;
      const y3 = b[t + 3]!;
      if (pa < pb) {
        if (x0 > y0) up[t] = 1;
      } else if (pa > pb && x0 < y0) down[t] = 1;
      if (x0 < y0) {
        if (x1 > y1) up[t + 1] = 1;
      } else if (x0 > y0 && x1 < y1) down[t + 1] = 1;
      if (x1 < y1) {
        if (x2 > y2) up[t + 2] = 1;
      } else if (x1 > y1 && x2 < y2) down[t + 2] = 1;
      if (x2 < y2) {
        if (x3 > y3) up[t + 3] = 1;
      } else if (x2 > y2 && x3 < y3) down[t + 3] = 1;
      pa = x3;
      pb = y3;
    }
  } else {
    for (let t = 0; t < n; t++) {
      const x = a[t]!;
      const y = typeof b === "number" ? b : b[t]!;
      if (pa < pb) {
        if (x > y && up !== null) up[t] = 1;
      } else if (pa > pb && x < y && down !== null) down[t] = 1;
      pa = x;
      pb = y;
    }
  }
}

/** The bar the next block starts at, and the last bar where the condition was true (-1: none yet). */
export interface BarsSinceCarry {
  t: number;
  last: number;
}

export const barsSinceCarry = (): BarsSinceCarry => ({ t: 0, last: -1 });

export function barsSince(c: Uint8Array, out: Float64Array, carry = barsSinceCarry()): void {
  const start = carry.t;
  let last = carry.last;
  for (let i = 0; i < out.length; i++) {
    if (c[i] === 1) last = start + i;
    out[i] = last < 0 ? Number.NaN : start + i - last;
  }
  carry.last = last;
  carry.t = start + out.length;
}

/**
 * The last k values of a column, oldest at `at`, for `prev(x, k)`; it starts full of the blank value (NaN, or
 * false), which is what the first k bars read. `ring` is null when k reaches past the whole series: then every bar
 * is blank and nothing need be kept.
 */
export interface DelayLine<A extends Float64Array | Uint8Array> {
  readonly ring: A | null;
  readonly blank: number;
  at: number;
}

/** A delay line of k bars for a number column of a series of `n` bars. */
export function numberDelay(k: number, n: number): DelayLine<Float64Array> {
  return { ring: k < n ? new Float64Array(k).fill(Number.NaN) : null, blank: Number.NaN, at: 0 };
}

/** A delay line of k bars for a condition column of a series of `n` bars. */
export function conditionDelay(k: number, n: number): DelayLine<Uint8Array> {
  return { ring: k < n ? new Uint8Array(k) : null, blank: 0, at: 0 };
}

export function prevNumber(
  x: Float64Array,
  k: number,
  out: Float64Array,
  line = numberDelay(k, out.length),
): void {
  delay(x, out, line);
}

export function prevCondition(
  c: Uint8Array,
  k: number,
  out: Uint8Array,
  line = conditionDelay(k, out.length),
): void {
  delay(c, out, line);
}

/** Each bar reads the value k bars back from the line, then leaves its own there. */
function delay<A extends Float64Array | Uint8Array>(x: A, out: A, line: DelayLine<A>): void {
  const ring = line.ring;
  if (ring === null) {
    out.fill(line.blank);
    return;
  }
  const k = ring.length;
  let at = line.at;
  for (let i = 0; i < out.length; i++) {
    out[i] = ring[at]!;
    ring[at] = x[i]!;
    if (++at === k) at = 0;
  }
  line.at = at;
}
