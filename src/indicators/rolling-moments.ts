/**
 * @module indicators/rolling-moments
 * Rolling mean and population standard deviation over the last `period` values, shared by stddev, bollinger and
 * zscore. The mean is exactly the SMA's (same running sum, same anchors), so bollinger's `mid` equals `sma` bit
 * for bit. The sum of squared deviations is slid with Welford's add/remove update, which does not cancel
 * catastrophically the way sum-of-squares does on prices far from 0, and is recomputed two-pass at every anchor
 * (each window starting on a multiple of `period`) so drift stays bounded. A window of identical values has a
 * deviation of exactly 0 (tracked by the length of the current run of equal values), never a rounding residue.
 */

/** Writes the mean (if `meanOut`) and population stdev of values[t-period+1..t]; NaN for t < period - 1. */
export function rollingMoments(
  values: Float64Array,
  period: number,
  meanOut: Float64Array | null,
  stdOut: Float64Array,
): void {
  const n = values.length;
  const warm = Math.min(period - 1, n);
  stdOut.fill(Number.NaN, 0, warm);
  meanOut?.fill(Number.NaN, 0, warm);
  let run = 0;
  for (let i = 0; i < warm; i++) run = i > 0 && values[i] === values[i - 1] ? run + 1 : 1;
  for (let start = 0; start + period <= n; start += period) {
    const end = start + period - 1;
    let sum = 0;
    for (let j = start; j <= end; j++) sum += values[j]!;
    let mean = sum / period;
    let m2 = 0;
    for (let j = start; j <= end; j++) {
      const d = values[j]! - mean;
      m2 += d * d;
    }
    const stop = Math.min(end + period, n);
    for (let i = end; i < stop; i++) {
      const x = values[i]!;
      run = i > 0 && x === values[i - 1] ? run + 1 : 1;
      if (i > end) {
        const old = values[i - period]!;
        const prevMean = mean;
        sum += x - old;
        mean = sum / period;
        m2 += (x - old) * (x - mean + old - prevMean);
      }
      if (run >= period || m2 < 0) m2 = 0;
      if (meanOut !== null) meanOut[i] = mean;
      stdOut[i] = Math.sqrt(m2 / period);
    }
  }
}
