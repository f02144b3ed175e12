/**
 * @module validation/json-safe
 * validation_summary.json holds no NaN or Infinity (JSON has no form for them, and canonical JSON rejects them):
 * an undefined statistic is `null`.
 */

export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
