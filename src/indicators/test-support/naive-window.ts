/**
 * @module indicators/test-support/naive-window
 * Two-pass statistics of one window values[t-period+1..t], recomputed from scratch for every bar: the O(n*period)
 * reference the rolling indicators are checked against.
 */
export function windowMean(values: ArrayLike<number>, period: number, t: number): number {
  let sum = 0;
  for (let j = t - period + 1; j <= t; j++) sum += values[j]!;
  return sum / period;
}

/** Population standard deviation (divide by period). */
export function windowStd(values: ArrayLike<number>, period: number, t: number): number {
  const mean = windowMean(values, period, t);
  let m2 = 0;
  for (let j = t - period + 1; j <= t; j++) m2 += (values[j]! - mean) ** 2;
  return Math.sqrt(m2 / period);
}
