/**
 * @module data/quality/spacing
 * Tells when a file's bars are much further apart than the requested timeframe says, e.g. a monthly file (one
 * bar per month-end) read as `1d`, which would otherwise load as a daily series with a "gap" between every two
 * bars. The test is the median distance between consecutive bars (robust to weekends, holidays and a few
 * missing bars): more than 2.5 intervals is a mismatch, answered with the timeframe the spacing looks like.
 */
import { TIMEFRAME_MS, TIMEFRAMES, type Timeframe } from "../../core/timeframe.js";

const SAMPLE = 10_001;

/** Median of ts[i] - ts[i-1] over an even sample of at most 10,001 steps; NaN with fewer than two bars. */
export function medianSpacing(ts: Float64Array): number {
  const steps = ts.length - 1;
  if (steps < 1) return Number.NaN;
  const m = Math.min(steps, SAMPLE);
  const d = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = 1 + Math.floor((k * steps) / m);
    d[k] = ts[i]! - ts[i - 1]!;
  }
  d.sort();
  return d[m >> 1]!;
}

/** The timeframe whose interval is nearest to `ms` (by ratio). */
export function nearestTimeframe(ms: number): Timeframe {
  let best: Timeframe = TIMEFRAMES[0];
  for (const tf of TIMEFRAMES) {
    if (Math.abs(Math.log(ms / TIMEFRAME_MS[tf])) < Math.abs(Math.log(ms / TIMEFRAME_MS[best]))) best = tf;
  }
  return best;
}

export function formatDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
  ];
  for (const [size, name] of units) {
    if (ms >= size) {
      const v = Math.round((ms / size) * 10) / 10;
      return `${v} ${name}${v === 1 ? "" : "s"}`;
    }
  }
  return `${ms} ms`;
}

/** A sentence when the bars are spaced like a longer timeframe; undefined when they fit (or are too few). */
export function spacingMismatch(ts: Float64Array, timeframe: Timeframe): string | undefined {
  if (ts.length < 3) return undefined;
  const median = medianSpacing(ts);
  if (!(median > 2.5 * TIMEFRAME_MS[timeframe])) return undefined;
  const guess = nearestTimeframe(median);
  return (
    `its ${ts.length} bars are a median ${formatDuration(median)} apart, which is the ${guess} timeframe, not ${timeframe}; ` +
    `run it with timeframe ${guess}`
  );
}
