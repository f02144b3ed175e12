/**
 * @module execution/limit-fill-price
 * The fill rule of a take-profit: a limit order, which fills at its limit or better and pays no slippage. Inside a
 * bar that trades through the limit it fills at the limit; when the bar opened beyond it, at the open, the first
 * price available (better than the limit).
 */

/** A sell limit (side -1, closing a long) fills at max(limit, open); a buy limit at min(limit, open). */
export function limitFillPrice(limit: number, open: number, side: number): number {
  return side < 0 ? Math.max(limit, open) : Math.min(limit, open);
}
