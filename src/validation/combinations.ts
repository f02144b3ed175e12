/**
 * @module validation/combinations
 * k-of-n combinations in lexicographic order (the order of Python's itertools.combinations), which fixes the order
 * of CSCV's splits and therefore of its logits, so results are comparable with pypbo's.
 */

/** C(n, k), exact while it fits a double's integers. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) c = (c * (n - k + i)) / i;
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
