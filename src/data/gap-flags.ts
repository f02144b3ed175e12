/**
 * @module data/gap-flags
 * The gap definition (docs/architecture.md#time-and-bars): bar i is a gap when `ts[i] - ts[i-1] > 1.5 * interval`; bar 0 never is. Daily bars
 * of a market that closes at weekends therefore flag every Monday; that is the definition, and the quality
 * report counts it so users can see it.
 */

export function gapFlags(ts: Float64Array, intervalMs: number): Uint8Array {
  const out = new Uint8Array(ts.length);
  const limit = 1.5 * intervalMs;
  for (let i = 1; i < ts.length; i++) out[i] = ts[i]! - ts[i - 1]! > limit ? 1 : 0;
  return out;
}
