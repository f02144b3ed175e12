/**
 * @module indicators/rolling/rolling-moments
 * Rolling mean and population standard deviation over the last `period` values, shared by stddev, bollinger and
 * zscore. The mean is the SMA's own (the compensated rolling sum of rolling-sum.ts), so bollinger's `mid` equals
 * `sma` bit for bit. The sum of squared deviations is slid with Welford's add/remove update, which does not cancel
 * catastrophically the way sum-of-squares does on prices far from 0; the updates are accumulated with the same
 * compensation, and the sum is recomputed two-pass at every anchor (each window starting on a multiple of
 * `period`) so drift stays bounded. A window of identical values has a deviation of exactly 0 (tracked by the
 * length of the current run of equal values), never a rounding residue.
 */
import { rollingSum, sumError } from "./rolling-sum.js";

/** Writes the mean (if `meanOut`) and population stdev of values[t-period+1..t]; NaN for t < period - 1. */
export function rollingMoments(
  values: Float64Array,
  period: number,
  meanOut: Float64Array | null,
  stdOut: Float64Array,
): void {
  const n = values.length;
  const means = rollingSum(values, period, meanOut ?? new Float64Array(n), period);
  const warm = Math.min(period - 1, n);
  stdOut.fill(Number.NaN, 0, warm);
  let run = 0;
  for (let i = 0; i < warm; i++) run = i > 0 && values[i] === values[i - 1] ? run + 1 : 1;
  for (let start = 0; start + period <= n; start += period) {
    const end = start + period - 1;
    const mean = means[end]!;
    let m2 = 0;
    let c = 0;
    for (let j = start; j <= end; j++) {
      const d = values[j]! - mean;
      const sq = d * d;
      const t = m2 + sq;
      c += sumError(m2, sq, t);
      m2 = t;
    }
    const stop = Math.min(end + period, n);
    for (let i = end; i < stop; i++) {
      const x = values[i]!;
      run = i > 0 && x === values[i - 1] ? run + 1 : 1;
      if (i > end) {
        const old = values[i - period]!;
        const step = (x - old) * (x - means[i]! + old - means[i - 1]!);
        const t = m2 + step;
        c += sumError(m2, step, t);
        m2 = t;
      }
      if (run >= period || m2 + c < 0) {
        m2 = 0;
        c = 0;
      }
      stdOut[i] = Math.sqrt((m2 + c) / period);
    }
  }
}
