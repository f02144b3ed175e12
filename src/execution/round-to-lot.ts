/**
 * @module execution/round-to-lot
 * Quantity rounding to `execution.lot_size`. Rounding is down (never buy more than the sizing allows), but a
 * quotient within 1e-9 (relative) of a whole number counts as that number: 0.3 / 0.1 is 2.9999999999999996 in
 * doubles and must stay 3 lots, not drop to 2.
 */

/** Relative tolerance under which a lot count is taken as whole. */
const LOT_EPSILON = 1e-9;

/** The largest multiple of `lotSize` not above `qty` (up to LOT_EPSILON); `qty` itself when lotSize is 0. */
export function roundToLot(qty: number, lotSize: number): number {
  if (!(qty > 0)) return 0;
  if (!(lotSize > 0)) return qty;
  const lots = qty / lotSize;
  const nearest = Math.round(lots);
  const whole = Math.abs(lots - nearest) <= LOT_EPSILON * Math.max(1, nearest) ? nearest : Math.floor(lots);
  return whole * lotSize;
}
