/**
 * @module data/providers/synthetic/synthetic-grid
 * Bar open times of the synthetic market inside [start, end]: every grid point of the timeframe (intraday bars
 * run 24/7 like a crypto market), except that `1d` bars skip Saturdays and Sundays like an equity market, and
 * `1w` bars open on Mondays 00:00 UTC and `1M` bars on the first of each month (core alignUp/alignDown).
 */
import {
  alignDown,
  alignUp,
  isCalendarTimeframe,
  MS_PER_DAY,
  nextBarTime,
  TIMEFRAME_MS,
  type Timeframe,
} from "../../../core/timeframe.js";

/** 0 = Sunday ... 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayUtc(ts: number): number {
  return (((Math.floor(ts / MS_PER_DAY) + 4) % 7) + 7) % 7;
}

export function barTimes(timeframe: Timeframe, start: number, end: number): Float64Array {
  const step = TIMEFRAME_MS[timeframe];
  const first = alignUp(start, timeframe);
  const last = alignDown(end, timeframe);
  if (last < first) return new Float64Array(0);
  if (isCalendarTimeframe(timeframe)) {
    const out: number[] = [];
    for (let t = first; t <= last; t = nextBarTime(t, timeframe)) out.push(t);
    return Float64Array.from(out);
  }
  const slots = Math.round((last - first) / step) + 1;
  if (timeframe !== "1d") {
    const out = new Float64Array(slots);
    for (let i = 0; i < slots; i++) out[i] = first + i * step;
    return out;
  }
  const buf = new Float64Array(slots);
  let n = 0;
  for (let i = 0; i < slots; i++) {
    const t = first + i * step;
    const d = weekdayUtc(t);
    if (d !== 0 && d !== 6) buf[n++] = t;
  }
  return buf.slice(0, n);
}
