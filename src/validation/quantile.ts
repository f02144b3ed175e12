/**
 * @module validation/quantile
 * Sample quantiles, Hyndman & Fan (1996) definition 7: the one numpy's `percentile`/`quantile` use by default
 * (method "linear") and R's `quantile` type 7. Every percentile in a validation summary (p5/p50/p95, bootstrap
 * interval bounds) comes from here, so results can be checked against numpy by anyone.
 */

/**
 * Quantile of already sorted ascending values: h = (n-1)p, result = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 * NaN for an empty input or p outside [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1]!;
  const frac = h - lo;
  const a = sorted[lo]!;
  return frac === 0 ? a : a + frac * (sorted[lo + 1]! - a);
}

/** Quantile of unsorted values (copied, never reordered in place). */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedCopy(values), p);
}

/** A sorted ascending Float64Array copy (numeric order; NaN last). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}
