/**
 * @module execution/commission
 * The fee of one fill: a per-unit charge plus a proportional charge on traded notional. Fees are cash outflows
 * and the only thing counted in `fees_cum`; slippage is already inside the fill price and borrow is separate.
 */

/** commission_per_share x |qty| + commission_bps x (|qty| x price) / 1e4, in currency. */
export function commission(qty: number, price: number, perShare: number, bps: number): number {
  const units = Math.abs(qty);
  return perShare * units + (bps * (units * price)) / 1e4;
}
