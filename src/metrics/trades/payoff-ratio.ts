/**
 * @module metrics/trades/payoff-ratio
 * How big the average win is next to the average loss; together with the win rate it says whether a strategy
 * lives on many small wins or on a few large ones.
 */
import { finiteOrNull } from "../finite-or-null.js";

/**
 * `mean(pnl of winners) / |mean(pnl of losers)|` over net round-trip P&L (winner: pnl > 0, loser: pnl < 0;
 * break-even trips are neither).
 * Edge cases: null with no winners or no losers, since one of the two means does not exist.
 */
export function payoffRatio(pnl: Float64Array): number | null {
  let winSum = 0;
  let wins = 0;
  let lossSum = 0;
  let losses = 0;
  for (let i = 0; i < pnl.length; i++) {
    const p = pnl[i]!;
    if (p > 0) {
      winSum += p;
      wins++;
    } else if (p < 0) {
      lossSum += p;
      losses++;
    }
  }
  if (wins === 0 || losses === 0) return null;
  return finiteOrNull(winSum / wins / Math.abs(lossSum / losses));
}
