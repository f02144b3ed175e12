/**
 * @module metrics/trades/turnover
 * How many times the average capital was traded over the run: a cost-sensitivity gauge. It is a total over the
 * run, not annualized, and both sides of a round trip count (a full entry plus a full exit is a turnover of 2).
 */
import { finiteOrNull } from "../finite-or-null.js";

/**
 * `sum over fills of |qty x price| / mean(equity)`, with fill prices after slippage.
 * Edge cases: 0 with no fills; null with no bars and when the mean equity is not positive (a ratio to zero or
 * negative capital has no meaning).
 */
export function turnover(qty: Float64Array, price: Float64Array, equity: Float64Array): number | null {
  let equitySum = 0;
  for (let t = 0; t < equity.length; t++) equitySum += equity[t]!;
  return turnoverOfEquitySum(qty, price, equitySum, equity.length);
}

/** `turnover` given the sum of the n equity values in bar order (as returnStats gathers it), without a pass. */
export function turnoverOfEquitySum(
  qty: Float64Array,
  price: Float64Array,
  equitySum: number,
  n: number,
): number | null {
  if (n === 0) return null;
  const meanEquity = equitySum / n;
  if (!(meanEquity > 0)) return null;
  let notional = 0;
  for (let i = 0; i < qty.length; i++) notional += Math.abs(qty[i]! * price[i]!);
  return finiteOrNull(notional / meanEquity);
}
