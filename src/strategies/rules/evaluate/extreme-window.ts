/**
 * @module strategies/rules/evaluate/extreme-window
 * `highest(x, n)` and `lowest(x, n)`: the max (or min) of x[t-n+1..t], NaN until n values exist and while any of
 * them is NaN. A monotonic deque makes it O(1) per bar whatever the window: it holds the bars of the window that
 * can still be the extreme, their values strictly decreasing (max) or increasing (min) from head to tail. The
 * deque keeps each bar's value beside its index, so it carries from one block of bars to the next without the
 * earlier blocks' columns: a ring of min(n, series length) entries, since at most that many bars are in a window.
 */

/** The deque and the bar count carried between blocks of one series. */
export class ExtremeWindow {
  readonly mask: number;
  readonly bars: Float64Array;
  readonly values: Float64Array;
  /** Deque ends as ever-growing counters; an entry lives at `counter & mask`. */
  head = 0;
  tail = 0;
  /** The bar the next block starts at. */
  t = 0;
  /** The last NaN bar seen, -1 if none. */
  lastNaN = -1;

  /** A window of `window` bars over a series of `n` bars. */
  constructor(window: number, n: number) {
    let size = 1;
    while (size < Math.min(window, n)) size *= 2;
    this.mask = size - 1;
    this.bars = new Float64Array(size);
    this.values = new Float64Array(size);
  }
}

/** Rolling max (`wantMax`) or min of the last `window` values, including the current one. */
export function rollingExtreme(
  x: Float64Array,
  window: number,
  wantMax: boolean,
  out: Float64Array,
  w = new ExtremeWindow(window, out.length),
): void {
  const { bars, values, mask } = w;
  const start = w.t;
  let { head, tail, lastNaN } = w;
  for (let i = 0; i < out.length; i++) {
    const t = start + i;
    // The bar that left the window goes first, so the deque never holds more than `window` bars.
    if (tail > head && bars[head & mask]! <= t - window) head++;
    const v = x[i]!;
    if (Number.isNaN(v)) {
      lastNaN = t;
    } else {
      while (tail > head && (wantMax ? values[(tail - 1) & mask]! <= v : values[(tail - 1) & mask]! >= v)) {
        tail--;
      }
      bars[tail & mask] = t;
      values[tail & mask] = v;
      tail++;
    }
    out[i] = t < window - 1 || lastNaN > t - window ? Number.NaN : values[head & mask]!;
  }
  w.head = head;
  w.tail = tail;
  w.lastNaN = lastNaN;
  w.t = start + out.length;
}
