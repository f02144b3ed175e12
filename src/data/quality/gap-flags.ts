/**
 * @module data/quality/gap-flags
 * The gap definition (docs/architecture.md#time-and-bars): bar i is a gap when `ts[i] - ts[i-1] > 1.5 * interval`; bar 0 never is. Daily bars
 * of a market that closes at weekends therefore flag every Monday; that is the definition, and the quality
 * report counts it so users can see it. Months have no fixed interval: a `1M` bar is a gap when at least one
 * calendar month lies between it and the bar before (the same "more than one and a half bars" rule, on the
 * calendar).
 */
import { barIndex, TIMEFRAME_MS, type Timeframe } from "../../core/timeframe.js";

export function gapFlags(ts: Float64Array, timeframe: Timeframe | number): Uint8Array {
  const out = new Uint8Array(ts.length);
  if (timeframe === "1M") {
    for (let i = 1; i < ts.length; i++)
      out[i] = barIndex(ts[i]!, "1M") - barIndex(ts[i - 1]!, "1M") > 1 ? 1 : 0;
    return out;
  }
  const limit = 1.5 * (typeof timeframe === "number" ? timeframe : TIMEFRAME_MS[timeframe]);
  for (let i = 1; i < ts.length; i++) out[i] = ts[i]! - ts[i - 1]! > limit ? 1 : 0;
  return out;
}
