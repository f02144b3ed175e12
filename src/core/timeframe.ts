/**
 * @module core/timeframe
 * The bar intervals the studio understands. Timestamps are bar open times in epoch ms UTC. Fixed-length bars are
 * aligned to multiples of their interval since the epoch (`3d` included, as exchanges align it), except `1w`,
 * aligned to Monday 00:00 UTC (the epoch fell on a Thursday). `1M` is the calendar month: its bar opens on the
 * month's first day 00:00 UTC and lasts 28 to 31 days, so code that steps from bar to bar or measures a bar uses
 * `alignUp`/`alignDown`/`nextBarTime` here, never a fixed length; `TIMEFRAME_MS["1M"]` is only the average month
 * (a year / 12), for estimates such as bar counts and range limits.
 */
import { quote, StudioError } from "./errors.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every supported timeframe with its (nominal, for `1M`: average) interval in ms, in ascending order. */
export const TIMEFRAME_MS = {
  "1m": MINUTE,
  "3m": 3 * MINUTE,
  "5m": 5 * MINUTE,
  "15m": 15 * MINUTE,
  "30m": 30 * MINUTE,
  "1h": HOUR,
  "2h": 2 * HOUR,
  "4h": 4 * HOUR,
  "6h": 6 * HOUR,
  "12h": 12 * HOUR,
  "1d": DAY,
  "3d": 3 * DAY,
  "1w": 7 * DAY,
  "1M": (365.25 * DAY) / 12,
} as const;

export type Timeframe = keyof typeof TIMEFRAME_MS;
export const TIMEFRAMES = Object.keys(TIMEFRAME_MS) as [Timeframe, ...Timeframe[]];

export const MS_PER_DAY = DAY;
/** A year of 365.25 days, used for annualization and borrow accrual. */
export const MS_PER_YEAR = 365.25 * DAY;
/** Offset of the weekly grid: 1970-01-05 (a Monday) is 4 days after the epoch. */
const WEEK_OFFSET = 4 * DAY;

export function isTimeframe(value: string): value is Timeframe {
  return Object.hasOwn(TIMEFRAME_MS, value);
}

/** Whether bars of the timeframe follow the calendar (months) rather than a fixed interval. */
export function isCalendarTimeframe(timeframe: Timeframe): boolean {
  return timeframe === "1M";
}

/** Whether bars of the timeframe span at least a day (a bar is named by its date, not its time of day). */
export function isDailyOrLonger(timeframe: Timeframe): boolean {
  return TIMEFRAME_MS[timeframe] >= DAY;
}

/** Interval length of a timeframe in ms (the average month for `1M`); CONFIG_INVALID naming the valid choices. */
export function timeframeMs(value: string): number {
  if (!isTimeframe(value)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `timeframe: unknown timeframe ${quote(value)}; valid: ${TIMEFRAMES.join(", ")}`,
      { path: "timeframe", value, valid: TIMEFRAMES },
    );
  }
  return TIMEFRAME_MS[value];
}

/** Months since 1970-01 of the UTC month holding `ts`. */
function monthIndex(ts: number): number {
  const d = new Date(ts);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

function monthStart(index: number): number {
  return Date.UTC(1970 + Math.floor(index / 12), ((index % 12) + 12) % 12, 1);
}

/** The first bar open time at or after `ts` on the timeframe's grid. */
export function alignUp(ts: number, timeframe: Timeframe): number {
  if (timeframe === "1M") {
    const down = alignDown(ts, timeframe);
    return down === ts ? ts : monthStart(monthIndex(ts) + 1);
  }
  const step = TIMEFRAME_MS[timeframe];
  const offset = timeframe === "1w" ? WEEK_OFFSET : 0;
  return Math.ceil((ts - offset) / step) * step + offset;
}

/** The last bar open time at or before `ts` on the timeframe's grid. */
export function alignDown(ts: number, timeframe: Timeframe): number {
  if (timeframe === "1M") return monthStart(monthIndex(ts));
  const step = TIMEFRAME_MS[timeframe];
  const offset = timeframe === "1w" ? WEEK_OFFSET : 0;
  return Math.floor((ts - offset) / step) * step + offset;
}

/** The open time of the bar after the one opening at `ts` (a grid time): `ts + interval`, or the next month. */
export function nextBarTime(ts: number, timeframe: Timeframe): number {
  return timeframe === "1M" ? monthStart(monthIndex(ts) + 1) : ts + TIMEFRAME_MS[timeframe];
}

/** Index of a grid time on the timeframe's grid (bars since the epoch; months since 1970-01 for `1M`). */
export function barIndex(ts: number, timeframe: Timeframe): number {
  if (timeframe === "1M") return monthIndex(ts);
  const offset = timeframe === "1w" ? WEEK_OFFSET : 0;
  return Math.floor((ts - offset) / TIMEFRAME_MS[timeframe]);
}

/** Grid bars in [start, end] (both inclusive), counted on the calendar for `1M`. */
export function barsBetween(start: number, end: number, timeframe: Timeframe): number {
  const first = alignUp(start, timeframe);
  const last = alignDown(end, timeframe);
  return last < first ? 0 : barIndex(last, timeframe) - barIndex(first, timeframe) + 1;
}
