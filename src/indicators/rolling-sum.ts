/**
 * @module indicators/rolling-sum
 * Compensated rolling sums, the one summation behind every rolling-window indicator (sma, wma, stddev,
 * bollinger, zscore). A plain running sum `sum += x_new - x_old` drops the low bits of every step, and on prices
 * like 1.1xxxx or 1e6 + small decimals the mean then differs from the true one by several ulps: enough to turn
 * two exactly equal SMAs into a spurious cross. Here every step's rounding error is recovered exactly
 * (Neumaier's variant of Kahan summation) and carried in a second accumulator `c`, so a window's `s + c` is its
 * correctly rounded sum up to a term of order period·u² and the mean within 1 ulp of the correctly rounded mean.
 *
 * The sum is still re-anchored (summed afresh) at every window starting on a multiple of `period`, so a value
 * depends only on the bar index and a NaN or Infinity leaves the series after one window. Between anchors, a
 * stretch whose values are all positive and within a factor 2 of each other (prices, nearly always) takes a
 * cheaper step: there `x_new - x_old` is exact (Sterbenz) and never larger than the running sum, so one
 * error-free addition per bar suffices; anything else takes the general step. Both give identical results.
 * @see Neumaier (1974), ZAMM 54, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen".
 */

/** The exact rounding error of `t = a + b` (Neumaier): (a + b) - t, computed from the larger operand. */
export function sumError(a: number, b: number, t: number): number {
  return Math.abs(a) >= Math.abs(b) ? a - t + b : b - t + a;
}

/**
 * Writes sum(values[t-period+1..t]) / divisor into `out` for t >= period-1 and NaN before; O(n). With
 * `divisor = period` this is the rolling mean.
 */
export function rollingSum(
  values: Float64Array,
  period: number,
  out: Float64Array,
  divisor = 1,
): Float64Array {
  const n = values.length;
  out.fill(Number.NaN, 0, Math.min(period - 1, n));
  for (let start = 0; start + period <= n; start += period) {
    const end = start + period - 1;
    const stop = Math.min(end + period, n);
    let s = 0;
    let c = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let j = start; j <= end; j++) {
      const x = values[j]!;
      const t = s + x;
      c += sumError(s, x, t);
      s = t;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    out[end] = (s + c) / divisor;
    for (let j = end + 1; j < stop; j++) {
      const x = values[j]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    // Every step below reads values[start..stop), so this one test covers the whole stretch (NaN fails it).
    if (lo > 0 && hi <= 2 * lo) {
      for (let i = end + 1; i < stop; i++) {
        const d = values[i]! - values[i - period]!;
        const t = s + d;
        c += s - t + d;
        s = t;
        out[i] = (s + c) / divisor;
      }
    } else {
      for (let i = end + 1; i < stop; i++) {
        const x = values[i]!;
        let t = s + x;
        c += sumError(s, x, t);
        s = t;
        const old = -values[i - period]!;
        t = s + old;
        c += sumError(s, old, t);
        s = t;
        out[i] = (s + c) / divisor;
      }
    }
  }
  return out;
}
