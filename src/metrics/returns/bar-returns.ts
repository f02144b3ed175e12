/**
 * @module metrics/returns/bar-returns
 * Simple per-bar returns of an equity curve. The first return is measured against the initial cash, so the
 * returns compound exactly to the total return: `prod(1 + r) - 1 = equity[last] / initialCash - 1`. Bootstrap
 * and Monte Carlo resample these, which is why the output buffer can be reused across calls.
 */

/**
 * `r[t] = equity[t] / equity[t-1] - 1` for t = 0..n-1, with `equity[-1] = initialCash`.
 * Writes into `out` when given (it must hold at least `equity.length` values; a longer buffer is returned as a
 * view of its first `equity.length` values) so loops need not allocate.
 * Edge cases: an empty equity gives an empty array; a zero previous equity gives a non-finite return, which
 * propagates to every return-based metric as null (a curve that touched zero has no meaningful ratio).
 */
export function barReturns(equity: Float64Array, initialCash: number, out?: Float64Array): Float64Array {
  const n = equity.length;
  if (out !== undefined && out.length < n) {
    throw new RangeError(`barReturns: out holds ${out.length} values, equity has ${n}`);
  }
  const r = out === undefined ? new Float64Array(n) : out.length === n ? out : out.subarray(0, n);
  let prev = initialCash;
  for (let t = 0; t < n; t++) {
    const e = equity[t]!;
    r[t] = e / prev - 1;
    prev = e;
  }
  return r;
}
