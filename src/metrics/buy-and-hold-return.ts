/**
 * @module metrics/buy-and-hold-return
 * The benchmark every strategy is read against: buying at the first bar's open (the first price a strategy can
 * trade at, since fills happen at opens) and holding to the last close. A buy_and_hold run with fraction 1 and
 * zero costs therefore has a total return equal to this number.
 */
import { finiteOrNull } from "./finite-or-null.js";

/**
 * `close[last] / open[0] - 1`.
 * Edge cases: null with no bars and when the first open is not positive.
 */
export function buyAndHoldReturn(open: Float64Array, close: Float64Array): number | null {
  const n = close.length;
  if (n === 0 || !(open[0]! > 0)) return null;
  return finiteOrNull(close[n - 1]! / open[0]! - 1);
}
