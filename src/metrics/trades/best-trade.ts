/**
 * @module metrics/trades/best-trade
 * The single best closed round trip, as a return on equity so it is comparable across account sizes.
 */

/** `max(returnPct)` over closed round trips. Edge cases: null with no closed trades. */
export function bestTrade(returnPct: Float64Array): number | null {
  const n = returnPct.length;
  if (n === 0) return null;
  let best = returnPct[0]!;
  for (let i = 1; i < n; i++) if (returnPct[i]! > best) best = returnPct[i]!;
  return Number.isFinite(best) ? best : null;
}
