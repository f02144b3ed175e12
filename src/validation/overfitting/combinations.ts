/**
 * @module validation/overfitting/combinations
 * k-of-n combinations in lexicographic order (the order of Python's itertools.combinations), which fixes the order
 * of CSCV's splits and therefore of its logits, so results are comparable with pypbo's.
 */

/** C(n, k), exact while it fits a double's integers. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const j = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= j; i++) c = (c * (n - j + i)) / i;
  return Math.round(c);
}

/** Calls `visit` with each ascending k-subset of 0..n-1; the array is reused between calls. */
export function forEachCombination(
  n: number,
  k: number,
  visit: (chosen: Int32Array, index: number) => void,
): void {
  if (k < 0 || k > n) return;
  const chosen = new Int32Array(k);
  for (let i = 0; i < k; i++) chosen[i] = i;
  for (let index = 0; ; index++) {
    visit(chosen, index);
    let i = k - 1;
    while (i >= 0 && chosen[i] === n - k + i) i--;
    if (i < 0) return;
    chosen[i]!++;
    for (let j = i + 1; j < k; j++) chosen[j] = chosen[j - 1]! + 1;
  }
}

/** Position of the ascending k-subset `chosen` of 0..n-1 in forEachCombination's (lexicographic) order. */
export function combinationRank(chosen: ArrayLike<number>, n: number): number {
  const k = chosen.length;
  let rank = 0;
  let next = 0;
  for (let i = 0; i < k; i++) {
    // Every subset that agrees on the first i values and has a smaller i-th value comes first.
    for (let v = next; v < chosen[i]!; v++) rank += binomial(n - 1 - v, k - 1 - i);
    next = chosen[i]! + 1;
  }
  return rank;
}
