/**
 * @module metrics/trades/worst-trade
 * The single worst closed round trip, as a return on equity so it is comparable across account sizes.
 */

/** `min(returnPct)` over closed round trips. Edge cases: null with no closed trades. */
export function worstTrade(returnPct: Float64Array): number | null {
  const n = returnPct.length;
  if (n === 0) return null;
  let worst = returnPct[0]!;
  for (let i = 1; i < n; i++) if (returnPct[i]! < worst) worst = returnPct[i]!;
  return Number.isFinite(worst) ? worst : null;
}
