/**
 * @module data/quality/session-gaps
 * The gap report of intraday bars read with `align: "session"` (exchange hours, e.g. NYSE 09:30-16:00). A
 * session is a local calendar day in the file's time zone. Inside a session, a step longer than 1.5 intervals
 * is a gap (missing bars). Across sessions, the usual opening and closing bar times (the most common first and
 * last time of day) are the yardstick: a session whose first bar comes at least one interval later, or whose last
 * bar comes at least one interval earlier, lacks bars at its edge and is reported (half days, late opens, missing bars at the edges). The spec's gap flags are
 * computed as for every series; this is the report that makes sense of them for session data.
 */
import { MS_PER_DAY, TIMEFRAME_MS, type Timeframe } from "../../core/timeframe.js";
import { ZoneConverter } from "../providers/csv/time-zone.js";
import { formatDuration } from "./spacing.js";

export interface SessionGaps {
  readonly sessions: number;
  readonly innerGaps: number;
  readonly largestInnerGapMs: number;
  /** First bar of the first inner gap, or NaN. */
  readonly firstInnerGap: number;
  readonly lateOpens: number;
  readonly earlyCloses: number;
}

export function sessionGaps(ts: Float64Array, timeframe: Timeframe, timezone: string): SessionGaps {
  const step = TIMEFRAME_MS[timeframe];
  const zone = timezone === "UTC" ? undefined : new ZoneConverter(timezone);
  const local = (t: number) => (zone ? zone.toWall(t) : t);
  const opens = new Map<number, number>();
  const closes = new Map<number, number>();
  const firsts: number[] = [];
  const lasts: number[] = [];
  let inner = 0;
  let largest = 0;
  let firstGap = Number.NaN;
  let day = Number.NaN;
  let prevLocal = Number.NaN;
  for (let i = 0; i < ts.length; i++) {
    const l = local(ts[i]!);
    const d = Math.floor(l / MS_PER_DAY);
    if (d !== day) {
      if (i > 0) lasts.push(prevLocal - day * MS_PER_DAY);
      firsts.push(l - d * MS_PER_DAY);
      day = d;
    } else if (ts[i]! - ts[i - 1]! > 1.5 * step) {
      inner++;
      largest = Math.max(largest, ts[i]! - ts[i - 1]!);
      if (Number.isNaN(firstGap)) firstGap = ts[i - 1]!;
    }
    prevLocal = l;
  }
  if (ts.length > 0) lasts.push(prevLocal - day * MS_PER_DAY);
  for (const t of firsts) opens.set(t, (opens.get(t) ?? 0) + 1);
  for (const t of lasts) closes.set(t, (closes.get(t) ?? 0) + 1);
  const usualOpen = mostCommon(opens);
  const usualClose = mostCommon(closes);
  return {
    sessions: firsts.length,
    innerGaps: inner,
    largestInnerGapMs: largest,
    firstInnerGap: firstGap,
    lateOpens: firsts.filter((t) => t - usualOpen > 0.5 * step).length,
    earlyCloses: lasts.filter((t) => usualClose - t > 0.5 * step).length,
  };
}

function mostCommon(counts: Map<number, number>): number {
  let best = 0;
  let n = -1;
  for (const [t, c] of counts) if (c > n || (c === n && t < best)) [best, n] = [t, c];
  return best;
}

/** The report as a sentence for the run's warnings; undefined for bars of a day or longer. */
export function sessionGapWarning(
  ts: Float64Array,
  timeframe: Timeframe,
  timezone: string,
): string | undefined {
  if (TIMEFRAME_MS[timeframe] >= MS_PER_DAY || ts.length === 0) return undefined;
  const g = sessionGaps(ts, timeframe, timezone);
  const inner =
    g.innerGaps === 0
      ? "no gaps inside sessions"
      : `${g.innerGaps} gap(s) inside sessions (largest ${formatDuration(g.largestInnerGapMs)}, first after ${new Date(g.firstInnerGap).toISOString()})`;
  return `${g.sessions} session(s) in ${timezone}; ${inner}; ${g.lateOpens} late open(s) and ${g.earlyCloses} early close(s) against the usual session hours`;
}
