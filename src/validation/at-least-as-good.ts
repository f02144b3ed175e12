/**
 * @module validation/at-least-as-good
 * The one tie rule for every count the validation makes (p-values, ranks, argmax, loss probabilities). Two
 * statistics computed along different paths from the same prices can agree in exact arithmetic and still differ
 * in the last bits: buy-and-hold's total return is the same on every OHLC permutation (first bars and final close
 * are kept), yet the permuted returns scatter around it by ~1e-15, so a strict `>=` let rounding noise decide p.
 * A value therefore ties a reference when it is within `tol = 1e-9 * max(1, |reference|)` of it: relative for
 * large statistics, absolute near 0 (returns, Sharpe ratios). Real differences between strategies are many
 * orders of magnitude larger; rounding differences, a few ulps, are far smaller. See docs/validation.md.
 */

/** The tie tolerance around `reference`: 1e-9 x max(1, |reference|); 0 around ±Infinity (only equal ties it). */
export function tieTolerance(reference: number): number {
  return Number.isFinite(reference) ? 1e-9 * Math.max(1, Math.abs(reference)) : 0;
}

/** `value >= reference - tol`: at least as good as the reference, counting ties up to rounding. */
export function atLeastAsGood(value: number, reference: number): boolean {
  return value >= reference - tieTolerance(reference);
}

/** `value > reference + tol`: better than the reference by more than rounding. */
export function strictlyBetter(value: number, reference: number): boolean {
  return value > reference + tieTolerance(reference);
}
