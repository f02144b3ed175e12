/**
 * @module validation/histogram
 * A compact picture of a resampled distribution for the report: HISTOGRAM_BINS equal-width bins over
 * [min, max] of the finite values, counts per bin. Bins are half-open [lo, hi) except the last, which also holds
 * the maximum; the bin of a value is floor((v - min) * bins / (max - min)), computed from each value alone, so
 * the counts depend only on the multiset of values: the same whatever the replications' order or the number of
 * threads that made them. NaN and infinite values are counted apart (`non_finite`).
 */

/** Enough bins to show the shape of a few hundred replications, few enough to stay a line of JSON. */
export const HISTOGRAM_BINS = 20;

export interface Histogram {
  /** Smallest and largest finite value: the outer edges of the first and last bin. */
  min: number;
  max: number;
  /** Counts per bin; bin k spans [min + k w, min + (k+1) w), w = (max - min) / bins; one bin when min = max. */
  counts: number[];
  /** Values left out because they are NaN or infinite. */
  non_finite: number;
}

/** null when no value is finite. */
export function histogram(values: ArrayLike<number>, bins: number = HISTOGRAM_BINS): Histogram | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (nonFinite === values.length) return null;
  // A single value (or a constant distribution) is one bar, not a bin of it and bins - 1 empty ones.
  const k = max > min ? bins : 1;
  const counts = new Array<number>(k).fill(0);
  const span = max - min;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const b = k === 1 ? 0 : Math.floor(((v - min) * k) / span);
    counts[b < k ? b : k - 1]!++;
  }
  return { min, max, counts, non_finite: nonFinite };
}
