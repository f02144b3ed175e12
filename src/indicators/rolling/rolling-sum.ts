/**
 * @module indicators/rolling/rolling-sum
 * Compensated rolling sums, the one summation behind every rolling-window indicator (sma, wma, stddev,
 * bollinger, zscore). A plain running sum `sum += x_new - x_old` drops the low bits of every step, and on prices
 * like 1.1xxxx or 1e6 + small decimals the mean then differs from the true one by several ulps: enough to turn
 * two exactly equal SMAs into a spurious cross. Here every step's rounding error is recovered exactly
 * (Neumaier's variant of Kahan summation) and carried in a second accumulator `c`, so a window's `s + c` is its
 * correctly rounded sum up to a term of order n·u², and the mean is within 1 ulp of the correctly rounded mean.
 *
 * Cost stays O(n) and close to the plain sum's. A step whose values are positive and within a factor 2 of each
 * other (prices, nearly always) needs a single error-free addition: there `x_new - x_old` is exact (Sterbenz)
 * and no larger than the running sum, so the error of `s + d` is `s - t + d`. Any other step (negative values,
 * jumps, NaN) takes two full Neumaier additions. Both paths give the same result to within the rounding of `c`.
 * The sum is re-anchored (summed afresh) every `span` bars, a multiple of `period` near 4096: anchors depend on
 * the bar index only, the O(n·u²) term stays bounded, and a NaN or Infinity leaves the series at the next anchor.
 * @see Neumaier (1974), ZAMM 54, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen".
 */

/** Bars between anchors, rounded up to a multiple of the period. */
const ANCHOR_BARS = 4096;

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
  const span = period * Math.max(1, Math.ceil(ANCHOR_BARS / period));
  for (let start = 0; start + period <= n; start += span) {
    const end = start + period - 1;
    let s = 0;
    let c = 0;
    for (let j = start; j <= end; j++) {
      const x = values[j]!;
      const t = s + x;
      c += sumError(s, x, t);
      s = t;
    }
    out[end] = (s + c) / divisor;
    const stop = Math.min(end + span, n);
    for (let i = end + 1; i < stop; i++) {
      const x = values[i]!;
      const old = values[i - period]!;
      const d = x - old;
      const t = s + d;
      if (x <= 2 * old && old <= 2 * x && s >= old) {
        c += s - t + d;
        s = t;
      } else {
        let u = s + x;
        c += sumError(s, x, u);
        s = u;
        u = s - old;
        c += sumError(s, -old, u);
        s = u;
      }
      out[i] = (s + c) / divisor;
    }
  }
  return out;
}
