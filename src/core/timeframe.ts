/**
 * @module timeframe
 * The bar intervals the studio understands and their length in milliseconds. Timestamps are bar open times in
 * epoch ms UTC; bars of a timeframe are aligned to multiples of its interval since the epoch, except `1w`, which
 * is aligned to Monday 00:00 UTC (the epoch fell on a Thursday).
 */
import { quote, StudioError } from "./errors.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every supported timeframe with its interval in ms, in ascending order. */
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
  "1w": 7 * DAY,
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

/** Interval length of a timeframe in ms; throws CONFIG_INVALID naming the valid choices otherwise. */
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

/** The first bar open time at or after `ts` on the timeframe's grid. */
export function alignUp(ts: number, timeframe: Timeframe): number {
  const step = TIMEFRAME_MS[timeframe];
  const offset = timeframe === "1w" ? WEEK_OFFSET : 0;
  return Math.ceil((ts - offset) / step) * step + offset;
}

/** The last bar open time at or before `ts` on the timeframe's grid. */
export function alignDown(ts: number, timeframe: Timeframe): number {
  const step = TIMEFRAME_MS[timeframe];
  const offset = timeframe === "1w" ? WEEK_OFFSET : 0;
  return Math.floor((ts - offset) / step) * step + offset;
}
