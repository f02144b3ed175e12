/**
 * @module indicators/test-support/naive-smoothed
 * Exponential smoothing written out as its closed form, as an independent check on the recursive indicators
 * (EMA with alpha 2/(period+1), Wilder with alpha 1/period). Seeded with the mean of values[first..s] at bar
 * s = first+period-1, the value at t >= s is
 *   (1-a)^(t-s) * seed + sum over j = s+1..t of a * (1-a)^(t-j) * values[j].
 * O(t) per bar and shares no code or recursion with the implementations under test.
 */
export function naiveSmoothed(
  values: ArrayLike<number>,
  period: number,
  first: number,
  alpha: number,
  t: number,
): number {
  const s = first + period - 1;
  if (t < s) return Number.NaN;
  let seed = 0;
  for (let j = first; j <= s; j++) seed += values[j]!;
  seed /= period;
  let value = (1 - alpha) ** (t - s) * seed;
  for (let j = s + 1; j <= t; j++) value += alpha * (1 - alpha) ** (t - j) * values[j]!;
  return value;
}

/** |actual - expected| <= tol * max(1, |expected|), with NaN only matching NaN. */
export function closeEnough(actual: number, expected: number, tol = 1e-9): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}
