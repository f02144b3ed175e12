/**
 * @module metrics/total-return
 * The one number every other return metric is anchored to: how much the initial cash grew by the last bar.
 */

/**
 * `equity[last] / initialCash - 1`.
 * Edge cases: an empty equity curve means nothing happened, so the return is 0. Callers guarantee
 * `initialCash > 0` (computeMetrics rejects anything else).
 */
export function totalReturn(equity: Float64Array, initialCash: number): number {
  const n = equity.length;
  return n === 0 ? 0 : equity[n - 1]! / initialCash - 1;
}
