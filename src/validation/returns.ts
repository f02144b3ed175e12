/**
 * @module validation/returns
 * Bar returns and total returns from an equity curve, anchored on the equity before the first counted bar, so
 * compounding the bar returns of a range gives exactly that range's total return.
 */

/** equity[last] / initialCash - 1; NaN for an empty curve. */
export function totalReturn(equity: Float64Array, initialCash: number): number {
  return equity.length === 0 ? Number.NaN : equity[equity.length - 1]! / initialCash - 1;
}

/**
 * Bar returns of bars [start, end): r_k = equity[start+k] / equity[start+k-1] - 1, the first one measured against
 * `before` (the equity before bar `start`: initial cash, since equity is flat before the start index). With
 * `into` (at least end - start long), they are written there and a view of it is returned.
 */
export function barReturns(
  equity: Float64Array,
  start: number,
  end: number,
  before: number,
  into?: Float64Array,
): Float64Array {
  const length = Math.max(0, end - start);
  const out = into === undefined ? new Float64Array(length) : into.subarray(0, length);
  let prev = before;
  for (let t = start; t < end; t++) {
    const e = equity[t]!;
    out[t - start] = e / prev - 1;
    prev = e;
  }
  return out;
}

/** Π(1 + r) - 1 over all returns, or over returns[indices[k]] when indices are given. */
export function compoundedReturn(returns: ArrayLike<number>, indices?: ArrayLike<number>): number {
  let g = 1;
  if (indices) for (let k = 0; k < indices.length; k++) g *= 1 + returns[indices[k]!]!;
  else for (let k = 0; k < returns.length; k++) g *= 1 + returns[k]!;
  return g - 1;
}
