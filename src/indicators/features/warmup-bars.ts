/**
 * @module indicators/features/warmup-bars
 * How many leading bars have at least one undefined (NaN) shifted feature: the largest lookback plus one for the
 * shift. Bars before this index cannot produce a decision from complete features; 0 when nothing is read.
 */
import type { ResolvedIndicator } from "./resolve-indicator.js";

export function warmupBars(resolved: readonly ResolvedIndicator[]): number {
  let bars = 0;
  for (const r of resolved) bars = Math.max(bars, r.def.lookback(r.params) + 1);
  return bars;
}
