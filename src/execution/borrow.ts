/**
 * @module execution/borrow
 * Borrow cost of a short position: `borrow_bps` is an annual rate (year = 365.25 days) on the short's market
 * value. Each bar accrues for its own duration, from its open to the next bar's open, so a weekend or a data gap
 * costs what holding the short over it would cost; the last bar, having no successor, lasts one interval.
 * The rate is converted to a per-millisecond rate once per run, so the per-bar accrual is two multiplications.
 */
import { MS_PER_YEAR } from "../core/timeframe.js";

/** borrow_bps / 1e4 / (365.25 days in ms): the fraction of market value charged per millisecond held. */
export function borrowRatePerMs(borrowBps: number): number {
  return borrowBps / 1e4 / MS_PER_YEAR;
}

/** |market value| x rate per ms x duration, in currency. */
export function borrowCost(shortValue: number, durationMs: number, ratePerMs: number): number {
  return Math.abs(shortValue) * ratePerMs * durationMs;
}

/** ts[t+1] - ts[t], or `intervalMs` for the last bar. */
export function barDurationMs(ts: Float64Array, t: number, intervalMs: number): number {
  return t + 1 < ts.length ? ts[t + 1]! - ts[t]! : intervalMs;
}
