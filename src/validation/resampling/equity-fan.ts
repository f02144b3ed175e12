/**
 * @module validation/resampling/equity-fan
 * The trade Monte Carlo's equity fan: each simulated path's equity after K = min(m, FAN_CHECKPOINTS) trade
 * counts spread evenly from 1 to m (m always included), summarized per checkpoint by the p5, p25, p50, p75 and
 * p95 quantiles (type 7) over the n paths, with the start E0 at 0 trades in front. Paths store their checkpoint
 * equities path-major in one Float64Array (path i at [i K, (i+1) K)), so each replication writes its own slots
 * and the quantiles depend only on the values: the same for any batching or thread count. n x K doubles at most
 * 100,000 x 50 x 8 B = 40 MB.
 */
import { finiteOrNull } from "../json-safe.js";
import { quantileSorted } from "../quantile.js";

/** Enough points for a smooth band on a report's width; bounds the stored equities to 50 per path. */
export const FAN_CHECKPOINTS = 50;

/** The quantiles a fan shows: the outer band, the inner band and the median. */
export const FAN_LEVELS = [
  ["p5", 0.05],
  ["p25", 0.25],
  ["p50", 0.5],
  ["p75", 0.75],
  ["p95", 0.95],
] as const;

export type FanLevel = (typeof FAN_LEVELS)[number][0];

/** `trades[k]` trades into every path, the equity quantiles over the paths; index 0 is the start (0 trades, E0). */
export type EquityFan = { trades: number[] } & Record<FanLevel, (number | null)[]>;

/**
 * Trade counts 1 + floor((m - 1) k / (K - 1)), k = 0..K-1, K = min(m, FAN_CHECKPOINTS): increasing (the step
 * (m - 1)/(K - 1) is at least 1), first 1, last m. Empty for m = 0.
 */
export function fanCheckpoints(m: number, points: number = FAN_CHECKPOINTS): Int32Array {
  const k = Math.min(m, points);
  const out = new Int32Array(k);
  if (k === 1) out[0] = m;
  else for (let i = 0; i < k; i++) out[i] = 1 + Math.floor(((m - 1) * i) / (k - 1));
  return out;
}

/** Quantiles per checkpoint of `paths` (n paths x checkpoints.length, path-major); null without paths. */
export function summarizeFan(
  initialEquity: number,
  checkpoints: Int32Array,
  paths: Float64Array,
): EquityFan | null {
  const k = checkpoints.length;
  const n = k === 0 ? 0 : paths.length / k;
  if (n === 0) return null;
  const fan: EquityFan = { trades: [0, ...checkpoints], p5: [], p25: [], p50: [], p75: [], p95: [] };
  for (const [level] of FAN_LEVELS) fan[level].push(finiteOrNull(initialEquity));
  const column = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) column[i] = paths[i * k + c]!;
    column.sort();
    for (const [level, p] of FAN_LEVELS) fan[level].push(finiteOrNull(quantileSorted(column, p)));
  }
  return fan;
}
