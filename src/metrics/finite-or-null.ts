/**
 * @module metrics/finite-or-null
 * metrics.json never carries NaN or Infinity: JSON cannot encode them and a reader cannot act on them. Every
 * metric that can be undefined passes its raw value through this one gate, so "undefined" has one spelling: null.
 */

/** `x` when it is a finite number, otherwise null (NaN, +Infinity and -Infinity all become null). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
